//! Calls that can be suspended: the future behind `call_async`, and a minimal `block_on`.
//!
//! The interpreter keeps wasm frames on an explicit stack, so suspending a call is only a matter of
//! leaving its frames and values in the store: when an async host function is called, the
//! interpreter pushes the current frame and returns; this future then polls the host's future and,
//! once it is ready, pushes its results and resumes the parked frame where it stopped.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use super::Result;
use super::func::host_fn;
use super::store::{AsContextMut, CoreStore, process_drops, state_mut};
use crate::error::Error;
use crate::value::Val as CoreVal;

type Convert<R> = Box<dyn FnOnce(&mut CoreStore, Vec<CoreVal>) -> Result<R> + Send>;

enum State {
    Start {
        addr: u32,
        args: Vec<CoreVal>,
    },
    /// Frames and values above these depths belong to this call, parked in the store. `yielded`:
    /// for a park without a host future (fuel or epoch yield), whether `Pending` was returned yet.
    Parked {
        entry_stack: usize,
        entry_frames: usize,
        yielded: bool,
    },
    Failed(Error),
    Done,
}

/// The future returned by [`TypedFunc::call_async`](super::TypedFunc::call_async) and
/// [`Func::call_async`](super::Func::call_async). Dropping it while suspended abandons the call
/// (its frames are discarded; the store stays usable).
pub struct CallFuture<S: AsContextMut, R> {
    store: S,
    state: State,
    convert: Option<Convert<R>>,
}

impl<S: AsContextMut, R> CallFuture<S, R> {
    pub(crate) fn new(store: S, start: Result<(u32, Vec<CoreVal>)>, convert: Convert<R>) -> Self {
        let state = match start {
            Ok((addr, args)) => State::Start { addr, args },
            Err(e) => State::Failed(e),
        };
        CallFuture {
            store,
            state,
            convert: Some(convert),
        }
    }
}

impl<S: AsContextMut + Unpin, R> Future for CallFuture<S, R> {
    type Output = Result<R>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<R>> {
        let this = self.get_mut();
        let core = this.store.core_mut();
        let r = match poll_call(core, &mut this.state, cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(r) => r,
        };
        let convert = this
            .convert
            .take()
            .expect("CallFuture polled after completion");
        Poll::Ready(r.and_then(|out| convert(core, out)))
    }
}

impl<S: AsContextMut, R> Drop for CallFuture<S, R> {
    fn drop(&mut self) {
        if let State::Parked {
            entry_stack,
            entry_frames,
            ..
        } = self.state
        {
            let core = self.store.core_mut();
            unwind(core, entry_stack, entry_frames);
        }
    }
}

fn unwind(core: &mut CoreStore, entry_stack: usize, entry_frames: usize) {
    core.stack.truncate(entry_stack);
    core.frames.truncate(entry_frames);
    core.suspend_requested = false;
    core.meter.parked_for_yield = false;
    state_mut(core).pending = None;
}

enum Step {
    Finished(Result<Vec<CoreVal>>),
    Parked,
}

fn poll_call(
    core: &mut CoreStore,
    state: &mut State,
    cx: &mut Context<'_>,
) -> Poll<Result<Vec<CoreVal>>> {
    loop {
        match std::mem::replace(state, State::Done) {
            State::Failed(e) => return Poll::Ready(Err(e)),
            State::Done => {
                return Poll::Ready(Err(Error::Host(
                    "call future polled after completion".into(),
                )));
            }
            State::Start { addr, args } => {
                process_drops(core);
                let mut stack = std::mem::take(&mut core.stack);
                let mut frames = std::mem::take(&mut core.frames);
                let (entry_stack, entry_frames) = (stack.len(), frames.len());
                stack.extend(args);
                let r = with_async(core, |core| {
                    start(core, &mut stack, &mut frames, addr, entry_frames)
                });
                match finish(core, stack, frames, entry_stack, entry_frames, r) {
                    Step::Finished(r) => return Poll::Ready(r),
                    Step::Parked => {
                        *state = State::Parked {
                            entry_stack,
                            entry_frames,
                            yielded: false,
                        }
                    }
                }
            }
            State::Parked {
                entry_stack,
                entry_frames,
                yielded,
            } if core.meter.parked_for_yield => {
                if !yielded {
                    // Give the executor a turn (fuel refilled or epoch deadline extended).
                    *state = State::Parked {
                        entry_stack,
                        entry_frames,
                        yielded: true,
                    };
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                core.meter.parked_for_yield = false;
                let r = resume(core, Vec::new(), entry_stack, entry_frames);
                match r {
                    Step::Finished(r) => return Poll::Ready(r),
                    Step::Parked => {
                        *state = State::Parked {
                            entry_stack,
                            entry_frames,
                            yielded: false,
                        }
                    }
                }
            }
            State::Parked {
                entry_stack,
                entry_frames,
                ..
            } => {
                let Some(mut fut) = state_mut(core).pending.take() else {
                    unwind(core, entry_stack, entry_frames);
                    return Poll::Ready(Err(Error::Host(
                        "suspended call has no pending host future".into(),
                    )));
                };
                match fut.as_mut().poll(cx) {
                    Poll::Pending => {
                        state_mut(core).pending = Some(fut);
                        *state = State::Parked {
                            entry_stack,
                            entry_frames,
                            yielded: false,
                        };
                        return Poll::Pending;
                    }
                    Poll::Ready(Err(e)) => {
                        unwind(core, entry_stack, entry_frames);
                        return Poll::Ready(Err(e));
                    }
                    Poll::Ready(Ok(completion)) => {
                        let results = match run_completion(core, completion) {
                            Ok(r) => r,
                            Err(e) => {
                                unwind(core, entry_stack, entry_frames);
                                return Poll::Ready(Err(e));
                            }
                        };
                        match resume(core, results, entry_stack, entry_frames) {
                            Step::Finished(r) => return Poll::Ready(r),
                            Step::Parked => {
                                *state = State::Parked {
                                    entry_stack,
                                    entry_frames,
                                    yielded: false,
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Runs the completion step of a finished host future as the host function it belongs to (the
/// caller instance restored), with async suspension off.
fn run_completion(
    core: &mut CoreStore,
    completion: super::store::Completion,
) -> Result<Vec<CoreVal>> {
    let caller = state_mut(core).pending_caller.take();
    let prev = std::mem::replace(&mut core.caller_instance, caller);
    let prev_async = std::mem::replace(&mut state_mut(core).async_ok, false);
    let r = completion(core);
    state_mut(core).async_ok = prev_async;
    core.caller_instance = prev;
    r
}

/// Pushes `results` (of the host call the parked frame waits for) and resumes that frame.
fn resume(
    core: &mut CoreStore,
    results: Vec<CoreVal>,
    entry_stack: usize,
    entry_frames: usize,
) -> Step {
    let mut stack = std::mem::take(&mut core.stack);
    let mut frames = std::mem::take(&mut core.frames);
    stack.extend(results);
    let r = if frames.len() > entry_frames {
        let f = frames.pop().expect("parked frame");
        with_async(core, |core| {
            core.run(
                &mut stack,
                &mut frames,
                f.code,
                f.base as usize,
                entry_frames,
                f.pc as usize,
            )
        })
    } else {
        Ok(()) // the host function itself was the callee
    };
    finish(core, stack, frames, entry_stack, entry_frames, r)
}

/// Runs `f` with async host functions allowed to suspend, and fuel/epoch yields enabled.
fn with_async<T>(core: &mut CoreStore, f: impl FnOnce(&mut CoreStore) -> T) -> T {
    let prev = std::mem::replace(&mut state_mut(core).async_ok, true);
    let prev_meter = std::mem::replace(&mut core.meter.async_active, true);
    let r = f(core);
    state_mut(core).async_ok = prev;
    core.meter.async_active = prev_meter;
    r
}

/// Begins executing function `addr` whose arguments are on top of `stack`.
fn start(
    core: &mut CoreStore,
    stack: &mut Vec<CoreVal>,
    frames: &mut Vec<crate::store::Frame>,
    addr: u32,
    entry_frames: usize,
) -> Result<()> {
    if let Some(h) = host_fn(core, addr) {
        let n = core.types.func(core.funcs[addr as usize].ty).params().len();
        let args = stack.split_off(stack.len() - n);
        core.stack = std::mem::take(stack);
        let prev = core.caller_instance.take();
        let r = h(core, &args);
        core.caller_instance = prev;
        *stack = std::mem::take(&mut core.stack);
        stack.extend(r?);
        return Ok(());
    }
    let code = core.code_of(addr)?;
    let base = stack.len() - code.num_params as usize;
    stack.extend_from_slice(&code.local_defaults);
    core.run(stack, frames, code, base, entry_frames, 0)
}

/// Puts the stacks back into the store and classifies the outcome of a run.
fn finish(
    core: &mut CoreStore,
    mut stack: Vec<CoreVal>,
    mut frames: Vec<crate::store::Frame>,
    entry_stack: usize,
    entry_frames: usize,
    r: Result<()>,
) -> Step {
    let step = match r {
        Ok(()) if core.suspend_requested => {
            core.suspend_requested = false;
            Step::Parked
        }
        Ok(()) => Step::Finished(Ok(stack.drain(entry_stack..).collect())),
        Err(e) => {
            stack.truncate(entry_stack);
            frames.truncate(entry_frames);
            state_mut(core).pending = None;
            Step::Finished(Err(e))
        }
    };
    core.stack = stack;
    core.frames = frames;
    step
}

struct ThreadWaker(std::thread::Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs a future to completion on the current thread (parking it while the future is pending).
/// A minimal executor, enough for `call_async` without pulling in an async runtime.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}
