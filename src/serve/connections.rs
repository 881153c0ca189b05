//! The connections the dev server has open: at most `MAX_CONNECTIONS`, each with a handle
//! to shut it, so that the one idle longest can be closed to make room for a new one; and
//! the threads that serve them, one per connection, kept a while to serve the next.

use std::collections::{HashMap, VecDeque};
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Connections served at once, each on a thread of its own. At the bound the connection idle
/// longest is closed to make room; with none idle, a new one is answered 503.
pub const MAX_CONNECTIONS: usize = 256;
/// How long a thread that has served a connection waits for another before it ends.
const THREAD_WAITS: Duration = Duration::from_secs(10);

/// The open connections.
#[derive(Default)]
pub struct Connections {
    slots: Mutex<Slots>,
    /// Told whenever a connection ends.
    left: Condvar,
}

#[derive(Default)]
struct Slots {
    next: u64,
    by_id: HashMap<u64, Slot>,
}

struct Slot {
    /// A second handle on the connection, to shut it down with (none if none could be had).
    stream: Option<TcpStream>,
    /// Since when it has waited for a request with nothing of it read; `None` while busy.
    idle_since: Option<Instant>,
}

impl Connections {
    /// A place for a new connection. At the bound, the connection idle longest is shut down
    /// and its thread waited for (briefly); with none idle there is no place.
    pub fn admit(self: &Arc<Self>, stream: &TcpStream) -> Option<Place> {
        let mut slots = self.slots.lock().ok()?;
        if slots.by_id.len() >= MAX_CONNECTIONS {
            let idlest = slots
                .by_id
                .values_mut()
                .filter(|slot| slot.stream.is_some() && slot.idle_since.is_some())
                .min_by_key(|slot| slot.idle_since)?;
            // Not chosen twice; its thread sees the connection end and gives the place back.
            idlest.idle_since = None;
            if let Some(idle) = &idlest.stream {
                let _ = idle.shutdown(Shutdown::Both);
            }
            let (waited, _) = self
                .left
                .wait_timeout_while(slots, Duration::from_secs(1), |s| {
                    s.by_id.len() >= MAX_CONNECTIONS
                })
                .ok()?;
            slots = waited;
            if slots.by_id.len() >= MAX_CONNECTIONS {
                return None;
            }
        }
        let id = slots.next;
        slots.next += 1;
        let slot = Slot {
            stream: stream.try_clone().ok(),
            idle_since: Some(Instant::now()),
        };
        slots.by_id.insert(id, slot);
        Some(Place {
            open: Arc::clone(self),
            id,
        })
    }
}

/// A connection's place among the open ones, given back when dropped.
pub struct Place {
    open: Arc<Connections>,
    id: u64,
}

impl Place {
    /// Says whether the connection waits for a request of which nothing has come (`true`:
    /// it may be closed to make room), or is busy.
    pub fn idle(&self, idle: bool) {
        if let Ok(mut slots) = self.open.slots.lock()
            && let Some(slot) = slots.by_id.get_mut(&self.id)
        {
            slot.idle_since = idle.then(Instant::now);
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Ok(mut slots) = self.open.slots.lock() {
            slots.by_id.remove(&self.id);
        }
        self.open.left.notify_all();
    }
}

/// The serving of one connection, from its first request to its end.
pub type Job = Box<dyn FnOnce() + Send>;

/// Threads to serve connections on, one connection at a time each. A new connection goes to
/// a thread waiting for one, and a thread is started only when none is: a new thread can
/// wait a scheduler slice before it first runs (5 ms after a rebuild, behind rayon's
/// threads), where a waiting one is woken at once. The waiting threads are counted under
/// the same lock as the connections handed to them, so that, unlike tiny_http's pool, a
/// connection is never left queued for a thread that is busy with another.
#[derive(Default)]
pub struct Threads {
    waiting: Mutex<Waiting>,
    handed: Condvar,
}

#[derive(Default)]
struct Waiting {
    /// Threads waiting, each for one of `jobs` or a new one.
    threads: usize,
    /// Jobs handed over and not yet taken; never more than `threads`.
    jobs: VecDeque<Job>,
}

impl Threads {
    /// Runs `job` on a waiting thread, or on a new one if none is free.
    pub fn run(self: &Arc<Self>, job: Job) {
        {
            let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            if waiting.threads > waiting.jobs.len() {
                waiting.jobs.push_back(job);
                self.handed.notify_one();
                return;
            }
        }
        let threads = Arc::clone(self);
        // Should no thread be had, the job is dropped: its connection closes unanswered.
        let _ = std::thread::Builder::new()
            .name("candour-http".into())
            .spawn(move || threads.work(job));
    }

    /// Runs `job`, then each job handed over, until none comes for `THREAD_WAITS`.
    fn work(&self, mut job: Job) {
        loop {
            job();
            let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            waiting.threads += 1;
            job = loop {
                if let Some(next) = waiting.jobs.pop_front() {
                    waiting.threads -= 1;
                    break next;
                }
                let (again, wait) = self
                    .handed
                    .wait_timeout(waiting, THREAD_WAITS)
                    .unwrap_or_else(PoisonError::into_inner);
                waiting = again;
                if wait.timed_out() && waiting.jobs.is_empty() {
                    waiting.threads -= 1;
                    return;
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Threads;
    use std::collections::HashSet;
    use std::sync::mpsc;
    use std::sync::{Arc, Condvar, Mutex};
    use std::time::{Duration, Instant};

    /// Threads waiting, then eight connections at once: each starts at once on a thread of
    /// its own, none queued behind a thread busy with another (tiny_http's hang), and the
    /// waiting threads are among those used.
    #[test]
    fn connections_handed_over_together_all_start() {
        let threads = Arc::new(Threads::default());
        let (started, starts) = mpsc::channel();
        for _ in 0..4 {
            let started = started.clone();
            threads.run(Box::new(move || {
                started.send(std::thread::current().id()).unwrap();
            }));
        }
        let second = Duration::from_secs(2);
        let warm: HashSet<_> = (0..4)
            .map(|_| starts.recv_timeout(second).unwrap())
            .collect();
        let deadline = Instant::now() + second;
        while threads.waiting.lock().unwrap().threads < warm.len() {
            assert!(Instant::now() < deadline, "threads never waited");
            std::thread::sleep(Duration::from_millis(1));
        }
        let release = Arc::new((Mutex::new(false), Condvar::new()));
        for _ in 0..8 {
            let (started, release) = (started.clone(), Arc::clone(&release));
            threads.run(Box::new(move || {
                started.send(std::thread::current().id()).unwrap();
                let (open, opened) = &*release;
                let _held = opened.wait_while(open.lock().unwrap(), |open| !*open);
            }));
        }
        let busy: HashSet<_> = (0..8)
            .map(|_| {
                starts
                    .recv_timeout(second)
                    .expect("every connection started")
            })
            .collect();
        *release.0.lock().unwrap() = true;
        release.1.notify_all();
        assert_eq!(busy.len(), 8);
        assert!(warm.is_subset(&busy), "the waiting threads were not used");
    }
}
