//! [`Limits`]: bounds on input size and structure, with documented defaults.

/// Bounds that keep the parser's time and memory in proportion to its input.
///
/// Past a limit the parser truncates best-effort and records what it dropped in the
/// article's `removed`; only [`Limits::max_input_bytes`] is an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    max_input_bytes: usize,
    max_depth: usize,
    max_blocks: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_bytes: Limits::DEFAULT_MAX_INPUT_BYTES,
            max_depth: Limits::DEFAULT_MAX_DEPTH,
            max_blocks: Limits::DEFAULT_MAX_BLOCKS,
        }
    }
}

impl Limits {
    /// Default for [`Limits::max_input_bytes`]: 256 MiB.
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 << 20;
    /// Default for [`Limits::max_depth`]: 512 open elements, as browsers.
    pub const DEFAULT_MAX_DEPTH: usize = 512;
    /// Default for [`Limits::max_blocks`]: 1,000,000 blocks.
    pub const DEFAULT_MAX_BLOCKS: usize = 1_000_000;

    /// Largest input accepted, in bytes (default 256 MiB). Larger inputs are an
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) error.
    #[must_use]
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Deepest nesting of open HTML elements (default 512); deeper start tags are treated
    /// as siblings of the deepest element, so no text is lost.
    #[must_use]
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Most blocks built from one page (default 1,000,000); text past it is recorded as
    /// removed.
    #[must_use]
    pub fn max_blocks(&self) -> usize {
        self.max_blocks
    }

    /// Sets [`Limits::max_input_bytes`].
    #[must_use]
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Limits {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets [`Limits::max_depth`] (at least 1).
    #[must_use]
    pub fn with_max_depth(mut self, depth: usize) -> Limits {
        self.max_depth = depth.max(1);
        self
    }

    /// Sets [`Limits::max_blocks`] (at least 1).
    #[must_use]
    pub fn with_max_blocks(mut self, blocks: usize) -> Limits {
        self.max_blocks = blocks.max(1);
        self
    }
}
