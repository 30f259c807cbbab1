//! A criterion measurement of this thread's CPU time (not wall time): on a machine shared
//! with other jobs, wall time mostly measures the others.

use std::time::Duration;

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// CPU time of the benchmarking thread.
pub struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = cpu_time::ThreadTime;
    type Value = Duration;
    fn start(&self) -> cpu_time::ThreadTime {
        cpu_time::ThreadTime::now()
    }
    fn end(&self, i: cpu_time::ThreadTime) -> Duration {
        i.elapsed()
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_secs_f64() * 1e9
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = if typical >= 1e6 {
            (1e6, "ms (cpu)")
        } else if typical >= 1e3 {
            (1e3, "µs (cpu)")
        } else {
            (1.0, "ns (cpu)")
        };
        values.iter_mut().for_each(|v| *v /= div);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let (n, unit) = match *t {
            Throughput::Elements(n) => (n as f64, "elem/cpu-s"),
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => (n as f64, "B/cpu-s"),
            Throughput::Bits(n) => (n as f64, "bit/cpu-s"),
            _ => (1.0, "/cpu-s"),
        };
        values.iter_mut().for_each(|v| *v = n * 1e9 / *v);
        unit
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
