//! The connections the dev server has open: at most `MAX_CONNECTIONS`, each with a handle
//! to shut it, so that the one idle longest can be closed to make room for a new one.

use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Connections served at once, each on a thread of its own. At the bound the connection idle
/// longest is closed to make room; with none idle, a new one is answered 503.
pub const MAX_CONNECTIONS: usize = 256;

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
