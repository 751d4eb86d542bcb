//! The chart in BENCHMARKS.md: a hand-written SVG (no plotting dependency), two log-scale
//! panels of grouped bars — module size, and run time relative to native rustc.

use crate::build::{OURS, RUSTC_Z, RUSTC_Z_OPT};
use crate::measure::{GC_RUNTIME, NATIVE, WASMI, WASMTIME};
use crate::report::cell;
use crate::Results;
use std::fmt::Write;

struct Series {
    name: String,
    color: &'static str,
    values: Vec<Option<f64>>,
}

const WIDTH: f64 = 960.0;
const PANEL_HEIGHT: f64 = 300.0;
const LEFT: f64 = 70.0;
const PLOT_HEIGHT: f64 = 200.0;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One panel at vertical offset `top`; a missing value leaves a gap with a small "—".
fn panel(svg: &mut String, top: f64, title: &str, unit: &str, groups: &[String], series: &[Series]) {
    let values: Vec<f64> = series.iter().flat_map(|s| s.values.iter().flatten().copied()).filter(|v| *v > 0.0).collect();
    let _ = writeln!(svg, r#"<text x="{LEFT}" y="{}" font-size="15" font-weight="bold">{}</text>"#, top + 18.0, escape(title));
    if values.is_empty() {
        let _ = writeln!(svg, r#"<text x="{LEFT}" y="{}" font-size="13">no data</text>"#, top + 60.0);
        return;
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min).log10().floor();
    let hi = values.iter().copied().fold(0.0, f64::max).log10().ceil().max(lo + 1.0);
    let base = top + 30.0 + PLOT_HEIGHT;
    let y = |v: f64| base - (v.log10() - lo) / (hi - lo) * PLOT_HEIGHT;
    let plot_width = WIDTH - LEFT - 20.0;
    // Decade grid lines.
    let mut e = lo;
    while e <= hi {
        let v = 10f64.powf(e);
        let yy = y(v);
        let _ = writeln!(svg, r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{:.1}" y2="{yy:.1}" stroke="#ddd"/>"##, LEFT + plot_width);
        let label = if v >= 1000.0 { format!("{:.0}k", v / 1000.0) } else if v >= 1.0 { format!("{v:.0}") } else { format!("{v}") };
        let _ = writeln!(svg, r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end">{}{}</text>"#, LEFT - 6.0, yy + 4.0, label, escape(unit));
        e += 1.0;
    }
    let group_width = plot_width / groups.len() as f64;
    let bar = (group_width * 0.8) / series.len() as f64;
    for (g, group) in groups.iter().enumerate() {
        let gx = LEFT + g as f64 * group_width + group_width * 0.1;
        for (s, ser) in series.iter().enumerate() {
            let x = gx + s as f64 * bar;
            match ser.values[g] {
                Some(v) if v > 0.0 => {
                    let yy = y(v);
                    let _ = writeln!(
                        svg,
                        r#"<rect x="{x:.1}" y="{yy:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}: {}: {:.3}</title></rect>"#,
                        (bar - 1.0).max(1.0), base - yy, ser.color, escape(group), escape(&ser.name), v
                    );
                }
                _ => {
                    let _ = writeln!(svg, r#"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="{}">—</text>"#, x + bar / 2.0, base - 3.0, ser.color);
                }
            }
        }
        let _ = writeln!(svg, r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#, gx + group_width * 0.4, base + 15.0, escape(group));
    }
    let _ = writeln!(svg, r#"<line x1="{LEFT}" y1="{base}" x2="{:.1}" y2="{base}" stroke="black"/>"#, LEFT + plot_width);
    let mut lx = LEFT;
    for ser in series {
        let ly = base + 35.0;
        let _ = writeln!(svg, r#"<rect x="{lx:.1}" y="{:.1}" width="12" height="12" fill="{}"/>"#, ly - 10.0, ser.color);
        let _ = writeln!(svg, r#"<text x="{:.1}" y="{ly:.1}" font-size="12">{}</text>"#, lx + 16.0, escape(&ser.name));
        lx += 24.0 + 7.5 * ser.name.len() as f64;
    }
}

pub fn render(r: &Results) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>"#,
        PANEL_HEIGHT * 2.0
    );
    let groups: Vec<String> = r.programs.iter().map(|p| p.name.clone()).collect();
    let size = |flavor: &str| -> Vec<Option<f64>> {
        r.programs.iter().map(|p| p.layouts.get(flavor).map(|l| l.raw as f64 / 1024.0)).collect()
    };
    let sizes = vec![
        Series { name: "rustc -Oz".into(), color: "#4e79a7", values: size(RUSTC_Z) },
        Series { name: "rustc -Oz + wasm-opt".into(), color: "#a0cbe8", values: size(RUSTC_Z_OPT) },
        Series { name: "ours (WasmGC)".into(), color: "#e15759", values: size(OURS) },
    ];
    panel(&mut svg, 0.0, "Module size (KiB, log scale, lower is better)", " KiB", &groups, &sizes);

    let timed: Vec<&crate::ProgramResult> = r.programs.iter().filter(|p| p.name != "hello").collect();
    let tgroups: Vec<String> = timed.iter().map(|p| p.name.clone()).collect();
    let rel = |engine: &str, flavor: &str| -> Vec<Option<f64>> {
        timed
            .iter()
            .map(|p| {
                let native = cell(p, NATIVE, crate::build::NATIVE_RUST)?.wall.as_ref()?.median;
                Some(cell(p, engine, flavor)?.wall.as_ref()?.median / native)
            })
            .collect()
    };
    let run = r.run_flavor.as_str();
    let times = vec![
        Series { name: format!("wasmtime ({run})"), color: "#59a14f", values: rel(WASMTIME, run) },
        Series { name: format!("wasmi ({run})"), color: "#f28e2b", values: rel(WASMI, run) },
        Series { name: format!("gc-runtime ({run})"), color: "#b07aa1", values: rel(GC_RUNTIME, run) },
        Series { name: "wasmtime (ours)".into(), color: "#76b7b2", values: rel(WASMTIME, OURS) },
        Series { name: "gc-runtime (ours)".into(), color: "#e15759", values: rel(GC_RUNTIME, OURS) },
    ];
    panel(&mut svg, PANEL_HEIGHT, "Run time relative to native rustc -O (log scale, lower is better)", "×", &tgroups, &times);
    svg.push_str("</svg>\n");
    svg
}
