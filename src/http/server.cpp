#include "http/server.hpp"

// <utility> must come before any Asio header: Boost 1.74's asio misses it with g++ 12.
#include <utility>
//
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <csignal>
#include <ctime>
#include <exception>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "http/request_parsing.hpp"
#include "http/static_files.hpp"

namespace lien::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using Strand = asio::strand<asio::io_context::executor_type>;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
constexpr bool kIsTls = std::is_same_v<Stream, TlsStream>;

constexpr std::size_t kReadChunk = 4096;
constexpr std::chrono::seconds kLingerTime{1};  // How long a closing connection may drain unread input.

// Sent on every response, errors and static files included. The SPA needs nothing from another origin.
constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

Method ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string HttpDate() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[40];
  const auto size = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return std::string(text, size);
}

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool HasNoBody(int status) { return status / 100 == 1 || status == 204 || status == 304; }

bool SafeHeaderText(std::string_view text) { return text.find_first_of("\r\n") == std::string_view::npos; }

// One open connection as seen by the shutdown logic. Every field is touched only on the connection's strand.
struct ConnectionControl {
  explicit ConnectionControl(asio::any_io_executor e) : strand(std::move(e)) {}
  asio::any_io_executor strand;  ///< The connection's strand (type-erased, as Beast streams hold it).
  bool idle = true;              ///< Waiting for the first byte of a request: safe to close on shutdown.
  std::function<void()> close;   ///< Closes the socket; reset when the connection ends.
};

// What connections share with the server. Held by shared_ptr so a coroutine frame destroyed late (when the
// io_context itself goes away) never touches a dead server.
struct SharedState {
  explicit SharedState(Metrics& m) : metrics(m) {}
  Metrics& metrics;
  std::mutex mutex;
  std::unordered_set<std::shared_ptr<ConnectionControl>> open;
  std::atomic<std::size_t> count{0};  ///< Connections being served (rejected ones excluded).
  std::atomic<bool> stopping{false};

  std::vector<std::shared_ptr<ConnectionControl>> Snapshot() {
    std::lock_guard lock(mutex);
    return {open.begin(), open.end()};
  }
};

// Registers a connection for its lifetime: counts it, exposes it to shutdown, updates the gauge.
class ConnectionGuard {
 public:
  ConnectionGuard(std::shared_ptr<SharedState> state, std::shared_ptr<ConnectionControl> control)
      : state_(std::move(state)), control_(std::move(control)) {
    std::lock_guard lock(state_->mutex);
    state_->open.insert(control_);
    state_->metrics.ConnectionOpened();
  }
  ~ConnectionGuard() {
    control_->close = nullptr;
    std::lock_guard lock(state_->mutex);
    state_->open.erase(control_);
    state_->metrics.ConnectionClosed();
    --state_->count;
  }
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

 private:
  std::shared_ptr<SharedState> state_;
  std::shared_ptr<ConnectionControl> control_;
};

void LogCoroutineFailure(std::exception_ptr failure) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    spdlog::error("http connection failed: {}", e.what());
  } catch (...) {
    spdlog::error("http connection failed with an unknown exception");
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, const Router& r, Metrics& m);

  asio::awaitable<void> Accept();
  template <class Stream>
  asio::awaitable<void> Serve(Stream stream, tcp::endpoint peer);
  template <class Stream>
  asio::awaitable<void> Reject(Stream stream);
  template <class Stream>
  asio::awaitable<bool> Write(Stream& stream, const Request& request, Response response, bool keep_alive,
                              unsigned version);
  template <class Stream>
  asio::awaitable<void> CloseGracefully(Stream& stream, bool unread_input);
  asio::awaitable<void> Drain();
  void BeginShutdown();

  Request StartRequest(const bhttp::request_parser<bhttp::empty_body>::value_type& header, const tcp::endpoint& peer,
                       bool& target_ok) const;
  Response Dispatch(Request& request, const RouteMatch& match, bool target_ok, std::string& route_label) const;
  Response FrameworkError(const Request& request, core::ErrorCode code, std::string key,
                          std::map<std::string, std::string> args = {}) const {
    return ErrorResponse(core::Error(code, std::move(key), {}, std::move(args)), request);
  }

  ServerOptions options;
  const Router& router;
  std::shared_ptr<SharedState> state;
  std::optional<StaticFiles> static_files;
  std::optional<asio::ssl::context> tls;
  // The io_context outlives every I/O object below it (members are destroyed in reverse order).
  asio::io_context ioc;
  Strand control_strand;  ///< Serialises the acceptor, the signal set and the shutdown sequence.
  tcp::acceptor acceptor;
  std::optional<asio::signal_set> signals;
  unsigned short bound_port = 0;
};

Server::Impl::Impl(ServerOptions server_options, const Router& r, Metrics& m)
    : options(std::move(server_options)),
      router(r),
      state(std::make_shared<SharedState>(m)),
      ioc(std::max(1, options.threads)),
      control_strand(asio::make_strand(ioc)),
      acceptor(control_strand) {
  if (!options.web_root.empty()) static_files.emplace(options.web_root);
  if (!options.tls_cert_file.empty() || !options.tls_key_file.empty()) {
    if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
      throw std::runtime_error("TLS needs both a certificate and a key file");
    }
    tls.emplace(asio::ssl::context::tls_server);
    tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                     asio::ssl::context::single_dh_use);
    beast::error_code ec;
    for (const auto& file : {options.tls_cert_file, options.tls_key_file}) {
      if (!std::filesystem::is_regular_file(file)) throw std::runtime_error("cannot read TLS file " + file);
    }
    tls->use_certificate_chain_file(options.tls_cert_file, ec);
    if (ec) throw std::runtime_error("cannot load TLS certificate " + options.tls_cert_file + ": " + ec.message());
    tls->use_private_key_file(options.tls_key_file, asio::ssl::context::pem, ec);
    if (ec) throw std::runtime_error("cannot load TLS key " + options.tls_key_file + ": " + ec.message());
  }

  const std::string where = options.listen_address + ":" + std::to_string(options.port);
  auto fail = [&](const beast::error_code& ec) {
    std::string reason = ec.message();
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    throw std::runtime_error("cannot listen on " + where + ": " + reason);
  };
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.listen_address, ec);
  if (ec) fail(ec);
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (ec) fail(ec);
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) fail(ec);
  acceptor.bind(endpoint, ec);
  if (ec) fail(ec);
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) fail(ec);
  bound_port = acceptor.local_endpoint().port();
}

asio::awaitable<void> Server::Impl::Accept() {
  asio::steady_timer backoff(control_strand);
  while (!state->stopping) {
    tcp::socket socket(asio::make_strand(ioc));
    beast::error_code ec;
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (state->stopping || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of file descriptors, most likely: wait a little instead of spinning.
      spdlog::warn("http accept failed: {}", ec.message());
      backoff.expires_after(std::chrono::milliseconds(100));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    const auto peer = socket.remote_endpoint(ec);
    if (ec) continue;  // The peer already left.
    auto executor = socket.get_executor();
    if (state->count.load() >= options.max_connections) {
      if (tls) {
        asio::co_spawn(executor, Reject(TlsStream(std::move(socket), *tls)), LogCoroutineFailure);
      } else {
        asio::co_spawn(executor, Reject(beast::tcp_stream(std::move(socket))), LogCoroutineFailure);
      }
      continue;
    }
    ++state->count;  // Counted here, not in the session, so a burst of accepts cannot overshoot the cap.
    if (tls) {
      asio::co_spawn(executor, Serve(TlsStream(std::move(socket), *tls), peer), LogCoroutineFailure);
    } else {
      asio::co_spawn(executor, Serve(beast::tcp_stream(std::move(socket)), peer), LogCoroutineFailure);
    }
  }
}

Request Server::Impl::StartRequest(const bhttp::request_parser<bhttp::empty_body>::value_type& header,
                                   const tcp::endpoint& peer, bool& target_ok) const {
  Request request;
  request.method = ToMethod(header.method());
  request.target = std::string(header.target());
  target_ok = ParseTarget(request.target, request.path, request.query);
  for (const auto& field : header) {
    request.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
  }
  request.client_address = peer.address().to_string();
  request.secure = tls.has_value();
  if (options.trust_proxy && peer.address().is_loopback()) {
    // Behind a local reverse proxy: the proxy tells who the client is and whether it came over HTTPS.
    std::string_view forwarded = request.Header("x-forwarded-for");
    forwarded = Trim(forwarded.substr(0, forwarded.find(',')));
    beast::error_code ec;
    const auto client = asio::ip::make_address(forwarded, ec);
    if (!forwarded.empty() && !ec) request.client_address = client.to_string();
    if (const auto proto = Lower(Trim(request.Header("x-forwarded-proto"))); !proto.empty()) {
      request.secure = proto == "https";
    }
  }
  const std::string_view incoming_id = request.Header("x-request-id");
  request.request_id = IsValidRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
  request.language = core::LanguageFromAcceptHeader(request.Header("accept-language"));
  return request;
}

Response Server::Impl::Dispatch(Request& request, const RouteMatch& match, bool target_ok,
                                std::string& route_label) const {
  route_label = "unmatched";
  if (!target_ok) return FrameworkError(request, core::ErrorCode::kInvalidInput, "http.bad_request");
  if (match.route != nullptr) {
    route_label = match.route->pattern;
    try {
      return match.route->handler(request);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", request.request_id, MethodName(request.method), match.route->pattern,
                    e.what());
    } catch (...) {
      spdlog::error("request {} {} {} failed with an unknown exception", request.request_id, MethodName(request.method),
                    match.route->pattern);
    }
    // Never the exception text: it may hold SQL or personal data. The request id leads to the log line.
    return FrameworkError(request, core::ErrorCode::kInternal, "http.internal");
  }
  if (match.path_matched) {
    auto response = FrameworkError(request, core::ErrorCode::kMethodNotAllowed, "http.method_not_allowed");
    std::string allow;
    for (Method method : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + std::string(MethodName(method));
    response.SetHeader("Allow", allow);
    return response;
  }
  if (static_files && (request.method == Method::kGet || request.method == Method::kHead) && !IsApiPath(request.path)) {
    route_label = "static";
    if (auto response = static_files->Serve(request)) return std::move(*response);
  }
  return FrameworkError(request, core::ErrorCode::kNotFound, "http.not_found");
}

template <class Stream>
asio::awaitable<bool> Server::Impl::Write(Stream& stream, const Request& request, Response response, bool keep_alive,
                                          unsigned version) {
  bhttp::response<bhttp::string_body> message;
  message.version(version);
  message.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || !SafeHeaderText(name) || !SafeHeaderText(value)) {
      spdlog::error("request {}: dropped a response header with a line break", request.request_id);
      continue;
    }
    message.insert(name, value);
  }
  for (const auto& [name, value] : kSecurityHeaders) message.set(name, value);
  if (request.secure) message.set(bhttp::field::strict_transport_security, "max-age=31536000");
  if (response.personal_data) message.set(bhttp::field::cache_control, "no-store");
  message.set("X-Request-Id", request.request_id);
  message.set(bhttp::field::date, HttpDate());
  message.keep_alive(keep_alive);
  if (!HasNoBody(response.status)) {
    if (!response.content_type.empty()) message.set(bhttp::field::content_type, response.content_type);
    message.content_length(response.body.size());  // Also for HEAD: the length the GET would have.
    if (request.method != Method::kHead) message.body() = std::move(response.body);
  }
  beast::get_lowest_layer(stream).expires_after(options.body_timeout);
  beast::error_code ec;
  co_await bhttp::async_write(stream, message, asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

template <class Stream>
asio::awaitable<void> Server::Impl::CloseGracefully(Stream& stream, bool unread_input) {
  auto& layer = beast::get_lowest_layer(stream);
  beast::error_code ec;
  layer.expires_after(kLingerTime);
  if constexpr (kIsTls<Stream>) {
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  } else {
    layer.socket().shutdown(tcp::socket::shutdown_send, ec);
    // After an early answer (413, 400, 503) the client may still be sending: discard its input for a moment,
    // because closing with unread input resets the connection and can destroy the answer before it is read.
    std::array<char, kReadChunk> sink{};
    while (unread_input && !ec) {
      co_await layer.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
    }
  }
  layer.close();
}

template <class Stream>
asio::awaitable<void> Server::Impl::Reject(Stream stream) {
  auto& layer = beast::get_lowest_layer(stream);
  beast::error_code ec;
  if constexpr (kIsTls<Stream>) {
    layer.expires_after(std::min<std::chrono::milliseconds>(options.header_timeout, std::chrono::seconds(2)));
    co_await stream.async_handshake(asio::ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }
  Request request;
  request.request_id = NewRequestId();
  request.secure = tls.has_value();
  auto response = FrameworkError(request, core::ErrorCode::kUnavailable, "http.too_many_connections");
  response.SetHeader("Retry-After", "1");
  if (co_await Write(stream, request, std::move(response), false, 11)) co_await CloseGracefully(stream, true);
}

template <class Stream>
asio::awaitable<void> Server::Impl::Serve(Stream stream, tcp::endpoint peer) {
  auto& layer = beast::get_lowest_layer(stream);
  auto control = std::make_shared<ConnectionControl>(layer.get_executor());
  control->close = [&layer] { layer.close(); };
  ConnectionGuard guard(state, control);
  beast::error_code ec;

  if constexpr (kIsTls<Stream>) {
    layer.expires_after(options.header_timeout);
    co_await stream.async_handshake(asio::ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }

  beast::flat_buffer buffer;
  for (bool first = true; !state->stopping; first = false) {
    // Idle: no byte of the next request yet. Shutdown may close the connection now without losing anything.
    control->idle = true;
    if (first) layer.expires_after(options.header_timeout);
    if (buffer.size() == 0) {
      if (!first) layer.expires_after(options.idle_timeout);
      const auto received =
          co_await stream.async_read_some(buffer.prepare(kReadChunk), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;  // Closed by the client, idle timeout, or shutdown.
      buffer.commit(received);
    }
    control->idle = false;
    const auto started = Clock::now();
    if (!first) layer.expires_after(options.header_timeout);

    bhttp::request_parser<bhttp::empty_body> header_parser;
    header_parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options.max_header_bytes, UINT32_MAX)));
    // The route decides the body limit below, once the path is known. (Not boost::none: Beast 1.74 compares
    // the announced length against the optional and "n > none" is always true.)
    header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    co_await bhttp::async_read_header(stream, buffer, header_parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      // A timeout has already closed the socket; a parse error deserves an answer before closing.
      if (!IsParseError(ec)) co_return;
      Request request;
      request.request_id = NewRequestId();
      request.secure = tls.has_value();
      const bool too_big = ec == bhttp::error::header_limit;
      auto response = FrameworkError(request, core::ErrorCode::kInvalidInput,
                                     too_big ? "http.header_too_large" : "http.bad_request",
                                     {{"limit", std::to_string(options.max_header_bytes)}});
      state->metrics.RecordRequest("unmatched", MethodName(Method::kOther), response.status,
                                   std::chrono::duration<double>(Clock::now() - started).count());
      if (co_await Write(stream, request, std::move(response), false, 11)) co_await CloseGracefully(stream, true);
      co_return;
    }

    const auto& header = header_parser.get();
    const unsigned version = header.version();
    bool keep_alive = header_parser.keep_alive();
    bool target_ok = false;
    Request request = StartRequest(header, peer, target_ok);
    RouteMatch match;
    if (target_ok) match = router.Match(request.method, request.path, request.path_params);
    const std::size_t limit = match.route != nullptr ? match.route->body_limit : kDefaultBodyLimit;

    // The body: refused from its announced length when possible, else while it streams in (chunked).
    std::optional<Response> early;  // An answer decided before the handler runs; the connection then closes.
    if (const auto length = header_parser.content_length(); length && *length > limit) {
      early = FrameworkError(request, core::ErrorCode::kPayloadTooLarge, "http.payload_too_large",
                             {{"limit", std::to_string(limit)}});
    } else if (!header_parser.is_done()) {
      if (version >= 11 && beast::iequals(header[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
        co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return;
      }
      bhttp::request_parser<bhttp::string_body> body_parser(std::move(header_parser));
      body_parser.body_limit(limit);
      layer.expires_after(options.body_timeout);  // A client trickling its body is cut off when it expires.
      co_await bhttp::async_read(stream, buffer, body_parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::body_limit) {
        early = FrameworkError(request, core::ErrorCode::kPayloadTooLarge, "http.payload_too_large",
                               {{"limit", std::to_string(limit)}});
      } else if (IsParseError(ec)) {
        early = FrameworkError(request, core::ErrorCode::kInvalidInput, "http.bad_request");
      } else if (ec) {
        co_return;  // Body timeout (the socket is closed), or the client left.
      } else {
        request.body = body_parser.release().body();
      }
    }

    std::string route_label = match.route != nullptr ? match.route->pattern : "unmatched";
    Response response = early ? std::move(*early) : Dispatch(request, match, target_ok, route_label);
    if (early || state->stopping) keep_alive = false;
    const int status = response.status;
    const bool written = co_await Write(stream, request, std::move(response), keep_alive, version);
    state->metrics.RecordRequest(route_label, MethodName(request.method), status,
                                 std::chrono::duration<double>(Clock::now() - started).count());
    if (!written) co_return;
    if (!keep_alive) {
      co_await CloseGracefully(stream, early.has_value());
      co_return;
    }
  }
}

void Server::Impl::BeginShutdown() {
  // Runs on control_strand.
  if (state->stopping.exchange(true)) return;
  spdlog::info("http server stopping: finishing requests in flight (up to {} ms)", options.shutdown_grace.count());
  beast::error_code ec;
  acceptor.close(ec);
  if (signals) signals->cancel(ec);
  for (const auto& control : state->Snapshot()) {
    asio::post(control->strand, [control] {
      if (control->idle && control->close) control->close();
    });
  }
  asio::co_spawn(control_strand, Drain(), LogCoroutineFailure);
}

asio::awaitable<void> Server::Impl::Drain() {
  asio::steady_timer timer(control_strand);
  beast::error_code ec;
  auto wait_until = [&](Clock::time_point deadline) -> asio::awaitable<void> {
    while (state->count.load() > 0 && Clock::now() < deadline) {
      timer.expires_after(std::chrono::milliseconds(10));
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
  };
  co_await wait_until(Clock::now() + options.shutdown_grace);
  if (state->count.load() > 0) {
    spdlog::warn("http server: {} connection(s) still busy after the grace period, closing them", state->count.load());
    for (const auto& control : state->Snapshot()) {
      asio::post(control->strand, [control] {
        if (control->close) control->close();
      });
    }
    co_await wait_until(Clock::now() + std::chrono::seconds(1));
  }
  // Whatever remains (a refused connection lingering, a handler stuck in the database) is abandoned.
  ioc.stop();
}

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

Server::~Server() = default;

unsigned short Server::BoundPort() const { return impl_->bound_port; }

void Server::Run(bool handle_signals) {
  Impl& impl = *impl_;
  if (handle_signals) {
    asio::post(impl.control_strand, [&impl] {
      if (impl.state->stopping) return;
      impl.signals.emplace(impl.control_strand, SIGINT, SIGTERM);
      impl.signals->async_wait([&impl](const beast::error_code& ec, int signal_number) {
        if (ec) return;
        spdlog::info("http server: received signal {}", signal_number);
        impl.BeginShutdown();
      });
    });
  }
  asio::co_spawn(impl.control_strand, impl.Accept(), LogCoroutineFailure);
  spdlog::info("http server listening on {}:{} ({} thread(s){})", impl.options.listen_address, impl.bound_port,
               std::max(1, impl.options.threads), impl.tls ? ", TLS" : "");
  std::vector<std::thread> threads;
  for (int i = 1; i < impl.options.threads; ++i) threads.emplace_back([&impl] { impl.ioc.run(); });
  impl.ioc.run();
  for (auto& thread : threads) thread.join();
  impl.signals.reset();
}

void Server::Stop() {
  Impl& impl = *impl_;
  asio::post(impl.control_strand, [&impl] { impl.BeginShutdown(); });
}

}  // namespace lien::http
