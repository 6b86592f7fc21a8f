//! The memory a gradient of a loop uses beyond its input and output, per
//! iteration, measured with a counting allocator: O(n), and nothing at all
//! when every value the reverse sweep needs can be recomputed.

// The functions under test are written the way users write loops.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use matdiff::differentiate;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(now, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak of heap memory in use while `f` runs, above what was in use
/// before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = CURRENT.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    (out, PEAK.load(Ordering::SeqCst) - before)
}

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

/// `y` is carried from one iteration to the next and the reverse sweep
/// needs it: one f64 of tape per iteration.
#[differentiate]
fn recurrence(x: &[f64]) -> f64 {
    let mut y = 1.0;
    for i in 0..x.len() {
        y = (y * x[i]).sin() + 0.5 * y;
    }
    y
}

const N: usize = 1_000_000;

#[test]
fn tape_bytes_per_iteration() {
    let x: Vec<f64> = (0..N).map(|i| 0.5 + 0.3 * (i as f64).sin()).collect();
    let gradient_bytes = N * std::mem::size_of::<f64>();

    let (g, peak) = peak_during(|| rosenbrock_grad(&x));
    assert_eq!(g.len(), N);
    let rosenbrock_tape = (peak - gradient_bytes) as f64 / N as f64;
    println!("rosenbrock: {rosenbrock_tape} bytes of tape per iteration (peak {peak} bytes)");
    assert!(rosenbrock_tape < 0.01, "Rosenbrock needs no tape, got {rosenbrock_tape} bytes per iteration");

    let (g, peak) = peak_during(|| recurrence_grad(&x));
    assert_eq!(g.len(), N);
    let recurrence_tape = (peak - gradient_bytes) as f64 / N as f64;
    println!("recurrence: {recurrence_tape} bytes of tape per iteration (peak {peak} bytes)");
    assert!(
        (7.99..=8.01).contains(&recurrence_tape),
        "the recurrence tapes one f64 per iteration, got {recurrence_tape} bytes"
    );
}
