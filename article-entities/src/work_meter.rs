//! A work meter for tests: the scans whose length could grow with the input (name runs,
//! candidate lists, quotation chains) count their steps, so a test can check that the
//! work of annotating grows linearly with the text, which timing cannot show reliably.
//! Outside tests it compiles to nothing.

pub(crate) use meter::*;

#[cfg(test)]
mod meter {
    use std::cell::Cell;

    thread_local! {
        static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    /// Counts `n` steps of work.
    pub(crate) fn step(n: usize) {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        STEPS.with(|s| s.set(s.get().saturating_add(n)));
    }

    /// The steps counted on this thread since the last call.
    pub(crate) fn take() -> u64 {
        STEPS.with(|s| s.replace(0))
    }
}

#[cfg(not(test))]
mod meter {
    /// Counts `n` steps of work (nothing outside tests).
    #[inline(always)]
    pub(crate) fn step(_n: usize) {}
}
