// Bounds the TLS connections one worker of the HTTP server holds open: in all, and from any one client
// address (an IPv6 client by its /64, which one client usually holds whole). Without it, a flood of
// connections that send nothing or half a request, each held until the read timeout, took the descriptors
// and slots that partners' requests need.
// - A connection over its address's share is shut down as soon as its address is known (on the event
//   loop's next turn).
// - When a connection arrives at a full worker, the one that has waited longest without finishing its TLS
//   handshake is shut down to make room: a partner finishes its handshake in milliseconds, a flood of idle
//   connections never does. Only when every open connection has finished its handshake does the worker
//   stop accepting; new connections then wait in the kernel's backlog until one closes.
//
// libevent 2.1's HTTP server tells nothing when a connection ends, but OpenSSL does: each connection's
// SSL object carries a record whose free callback counts the close. So the limit covers TLS connections;
// plain HTTP is served only on loopback, or behind a TLS proxy that bounds its own connections.
//
// Threads: one per worker, used only on its worker's event-loop thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct event;
struct event_base;
struct evconnlistener;
struct ssl_st;

namespace jala::server {

struct ConnectionCaps {
  std::size_t open = 0;         // connections at once
  std::size_t per_address = 0;  // connections at once from one client address
};

// Descriptors kept free of connections for the store, its journal and the log.
inline constexpr std::size_t k_reserved_descriptors = 256;

// Raises the process's soft limit on open descriptors toward its hard limit so that `connections`
// fit beside the reserve, and returns how many do (at least one). Without this, a flood met the limit
// (Debian's soft default is 1,024) before any cap, and accept() failed for everyone.
std::size_t fit_descriptor_limit(std::size_t connections);

class ConnectionLimit {
 public:
  ConnectionLimit(event_base* base, ConnectionCaps caps);
  ~ConnectionLimit();
  ConnectionLimit(const ConnectionLimit&) = delete;
  ConnectionLimit& operator=(const ConnectionLimit&) = delete;
  ConnectionLimit(ConnectionLimit&&) = delete;
  ConnectionLimit& operator=(ConnectionLimit&&) = delete;

  // The listener to pause while the worker is full.
  void watch(evconnlistener* listener);
  // Counts a new connection, given its SSL object before the server uses it.
  void opened(ssl_st* ssl);
  // From now on a closing connection resumes nothing: the listener is being freed.
  void stop_watching();

  struct Connection;

 private:
  static void on_learn(int fd, short events, void* self);
  void learn_addresses();
  // The open connection that has waited longest without finishing its handshake, other than the newest
  // and those shut down already; nullptr when there is none.
  Connection* oldest_handshake();
  // Shuts that one down, if there is one.
  void evict_oldest_handshake();
  // Shuts the connection down, so that the server sees the end and frees it (which counts it as closed).
  void evict(Connection& connection);
  // Drops from the front of m_arrivals the connections that can no longer make room.
  void drop_non_candidates();
  void closed(Connection* connection);
  friend void closed_by_openssl(Connection* connection);

  ConnectionCaps m_caps;
  event* m_learn = nullptr;  // runs learn_addresses on the loop's next turn
  evconnlistener* m_listener = nullptr;
  bool m_paused = false;
  std::uint64_t m_next_serial = 0;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> m_open;
  std::vector<std::uint64_t> m_unaddressed;  // serials whose address is not read yet
  std::deque<std::uint64_t> m_arrivals;      // serials in the order they opened; closed ones leave lazily
  std::unordered_map<std::string, std::size_t> m_per_address;  // by SignInThrottle::key_of
};

}  // namespace jala::server
