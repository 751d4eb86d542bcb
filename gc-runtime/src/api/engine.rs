//! `Engine` and `Config`: settings shared by every store, and the epoch counter.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use wasmparser::WasmFeatures;

/// Engine-wide settings.
///
/// ```
/// use gc_runtime::api::{Config, Engine};
/// let engine = Engine::new(Config::new().consume_fuel(true).epoch_interruption(true));
/// engine.increment_epoch();
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) consume_fuel: bool,
    pub(crate) epoch_interruption: bool,
    pub(crate) max_call_depth: usize,
    pub(crate) features: WasmFeatures,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            consume_fuel: false,
            epoch_interruption: false,
            max_call_depth: crate::store::Limits::default().max_frames,
            features: crate::module::features(),
        }
    }
}

impl Config {
    /// Every proposal of WebAssembly 3.0 but SIMD on, no fuel, no epochs.
    pub fn new() -> Config {
        Config::default()
    }
    /// Enables fuel metering ([`Store::set_fuel`](super::Store::set_fuel)).
    pub fn consume_fuel(&mut self, enable: bool) -> &mut Config {
        self.consume_fuel = enable;
        self
    }
    /// Enables epoch deadlines ([`Store::set_epoch_deadline`](super::Store::set_epoch_deadline)).
    pub fn epoch_interruption(&mut self, enable: bool) -> &mut Config {
        self.epoch_interruption = enable;
        self
    }
    /// Default maximum depth of nested wasm calls for new stores (trap "call stack exhausted").
    pub fn max_call_depth(&mut self, depth: usize) -> &mut Config {
        self.max_call_depth = depth;
        self
    }
    /// The wasm features modules are validated with.
    pub fn wasm_features(&mut self, features: WasmFeatures) -> &mut Config {
        self.features = features;
        self
    }
}

struct EngineInner {
    config: Config,
    epoch: Arc<AtomicU64>,
}

/// Compilation and execution settings shared by modules and stores. Cheap to clone.
#[derive(Clone)]
pub struct Engine(Arc<EngineInner>);

impl Default for Engine {
    fn default() -> Self {
        Engine::new(&Config::default())
    }
}

impl Engine {
    /// An engine with `config`.
    pub fn new(config: &Config) -> Engine {
        Engine(Arc::new(EngineInner {
            config: config.clone(),
            epoch: Arc::new(AtomicU64::new(0)),
        }))
    }
    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
    }
    pub(crate) fn features(&self) -> WasmFeatures {
        self.0.config.features
    }
    /// Advances the epoch; stores whose deadline is reached trap with "interrupt". Safe to call
    /// from any thread (e.g. a timer thread).
    pub fn increment_epoch(&self) {
        self.0.epoch.fetch_add(1, Ordering::Relaxed);
    }
    pub(crate) fn epoch_counter(&self) -> Arc<AtomicU64> {
        self.0.epoch.clone()
    }
    /// Whether two handles are the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}
