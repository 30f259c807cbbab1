//! Exit statuses and run-stopping failures, shared by the subcommands.

use std::process::ExitCode;

/// Exit statuses of DESIGN.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Every input was written.
    Ok,
    /// Some inputs (or the output) failed, or none were found; each failure was named on
    /// stderr and the other inputs were written.
    SomeFailed,
    /// Usage error: nothing was done.
    Usage,
    /// Interrupted (SIGINT, SIGTERM): the output file was not replaced.
    Interrupted,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::SomeFailed => 1,
            Status::Usage => 2,
            Status::Interrupted => 130,
        })
    }
}

/// A failure that stops the whole run.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// The arguments cannot work (exit 2).
    Usage(String),
    /// An input or the output could not be read or written (exit 1), or the reader of
    /// stdout went away (exit 0).
    Output(anyhow::Error),
    /// Ctrl-C or SIGTERM (exit 130); says what was left.
    Interrupted(String),
}

/// Whether the error chain holds a broken pipe (the reader of stdout went away).
pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<article_export::Error>()
                .is_some_and(article_export::Error::is_broken_pipe)
    })
}
