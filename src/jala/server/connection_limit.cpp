#include "jala/server/connection_limit.h"

#include <arpa/inet.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "jala/server/sign_in_throttle.h"

namespace jala::server {

struct ConnectionLimit::Connection {
  ConnectionLimit* limit = nullptr;
  std::uint64_t serial = 0;
  ssl_st* ssl = nullptr;
  std::string address;  // SignInThrottle::key_of the peer; empty until learnt
  bool handshaken = false;
  bool evicted = false;
};

void closed_by_openssl(ConnectionLimit::Connection* connection) { connection->limit->closed(connection); }

namespace {

// OpenSSL calls this when a connection's SSL object is freed, which libevent does when the connection ends.
void on_ssl_free(void* /*ssl*/, void* record, CRYPTO_EX_DATA* /*data*/, int /*index*/, long /*argl*/, void* /*argp*/) {
  if (record != nullptr) closed_by_openssl(static_cast<ConnectionLimit::Connection*>(record));
}

int record_index() {
  static std::once_flag made;
  static int index = -1;
  std::call_once(made, [] { index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, on_ssl_free); });
  return index;
}

// OpenSSL's report of a connection's progress: it has finished its handshake.
void on_ssl_info(const SSL* ssl, int where, int /*result*/) {
  if ((where & SSL_CB_HANDSHAKE_DONE) == 0) return;
  if (auto* connection = static_cast<ConnectionLimit::Connection*>(SSL_get_ex_data(ssl, record_index()))) {
    connection->handshaken = true;
  }
}

// The peer's address without its port ("192.0.2.7", "2001:db8::1"); IPv4 clients of a dual-stack
// listener as IPv4. Empty if the socket has none.
std::string peer_address(int fd) {
  sockaddr_storage peer{};
  socklen_t length = sizeof peer;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) return {};  // NOLINT: the sockaddr API
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (peer.ss_family == AF_INET) {
    const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(&peer);  // NOLINT: the sockaddr API
    return inet_ntop(AF_INET, &ipv4->sin_addr, text.data(), text.size()) != nullptr ? text.data() : "";
  }
  if (peer.ss_family == AF_INET6) {
    const auto* ipv6 = reinterpret_cast<const sockaddr_in6*>(&peer);  // NOLINT: the sockaddr API
    if (IN6_IS_ADDR_V4MAPPED(&ipv6->sin6_addr) != 0) {
      return inet_ntop(AF_INET, &ipv6->sin6_addr.s6_addr[12], text.data(), text.size()) != nullptr ? text.data() : "";
    }
    return inet_ntop(AF_INET6, &ipv6->sin6_addr, text.data(), text.size()) != nullptr ? text.data() : "";
  }
  return {};
}

}  // namespace

std::size_t fit_descriptor_limit(std::size_t connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return connections;
  const rlim_t wanted = connections + k_reserved_descriptors;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) getrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= wanted) return connections;
  return limit.rlim_cur > k_reserved_descriptors + 1 ? static_cast<std::size_t>(limit.rlim_cur) - k_reserved_descriptors
                                                     : 1;
}

ConnectionLimit::ConnectionLimit(event_base* base, ConnectionCaps caps)
    : m_caps(caps), m_learn(event_new(base, -1, 0, on_learn, this)) {
  record_index();
}

ConnectionLimit::~ConnectionLimit() {
  // Connections still open detach from this limit; their SSL objects may outlive it.
  for (auto& [serial, connection] : m_open) SSL_set_ex_data(connection->ssl, record_index(), nullptr);
  event_free(m_learn);
}

void ConnectionLimit::watch(evconnlistener* listener) { m_listener = listener; }

void ConnectionLimit::stop_watching() { m_listener = nullptr; }

void ConnectionLimit::opened(ssl_st* ssl) {
  auto connection = std::make_unique<Connection>();
  connection->limit = this;
  connection->serial = m_next_serial++;
  connection->ssl = ssl;
  SSL_set_ex_data(ssl, record_index(), connection.get());
  SSL_set_info_callback(ssl, on_ssl_info);
  m_unaddressed.push_back(connection->serial);
  m_arrivals.push_back(connection->serial);
  m_open.emplace(connection->serial, std::move(connection));
  // The server gives the connection its socket after this returns: its address is read on the next turn.
  event_active(m_learn, EV_TIMEOUT, 0);
  if (m_open.size() > m_caps.open) evict_oldest_handshake();
  // Full, with nothing to make room: stop accepting until a connection closes.
  if (m_open.size() >= m_caps.open && oldest_handshake() == nullptr && m_listener != nullptr && !m_paused) {
    evconnlistener_disable(m_listener);
    m_paused = true;
  }
}

void ConnectionLimit::drop_non_candidates() {
  // Closed, shut down and handshaken connections leave the front for good: none is a candidate again.
  while (!m_arrivals.empty()) {
    const auto found = m_open.find(m_arrivals.front());
    if (found != m_open.end() && !found->second->handshaken && !found->second->evicted) return;
    m_arrivals.pop_front();
  }
}

ConnectionLimit::Connection* ConnectionLimit::oldest_handshake() {
  drop_non_candidates();
  if (m_arrivals.size() < 2) return nullptr;  // none, or only the newest, which makes no room for itself
  return m_open.at(m_arrivals.front()).get();
}

void ConnectionLimit::evict_oldest_handshake() {
  if (Connection* oldest = oldest_handshake()) evict(*oldest);
}

void ConnectionLimit::evict(Connection& connection) {
  const int fd = SSL_get_fd(connection.ssl);
  if (fd < 0) return;
  shutdown(fd, SHUT_RDWR);  // the server sees the end and frees it, which counts it as closed
  connection.evicted = true;
}

void ConnectionLimit::on_learn(int /*fd*/, short /*events*/, void* self) {
  static_cast<ConnectionLimit*>(self)->learn_addresses();
}

void ConnectionLimit::learn_addresses() {
  for (const std::uint64_t serial : m_unaddressed) {
    const auto found = m_open.find(serial);
    if (found == m_open.end()) continue;  // closed already
    Connection& connection = *found->second;
    const int fd = SSL_get_fd(connection.ssl);
    if (fd < 0) continue;
    const std::string address = peer_address(fd);
    if (address.empty()) continue;
    connection.address = SignInThrottle::key_of(address);  // an IPv6 client by its /64, as sign-ins count it
    if (++m_per_address[connection.address] > m_caps.per_address) evict(connection);  // over its address's share
  }
  m_unaddressed.clear();
}

void ConnectionLimit::closed(Connection* connection) {
  if (!connection->address.empty()) {
    const auto found = m_per_address.find(connection->address);
    if (found != m_per_address.end() && --found->second == 0) m_per_address.erase(found);
  }
  m_open.erase(connection->serial);
  drop_non_candidates();  // keeps the queue short: from the oldest connection still waiting on
  if (m_paused && m_open.size() < m_caps.open && m_listener != nullptr) {
    evconnlistener_enable(m_listener);
    m_paused = false;
  }
}

}  // namespace jala::server
