#pragma once
// Expected failures travel as values: Result<T> holds either a T or a core::Error.

#include <tl/expected.hpp>

#include "core/error.hpp"

namespace lien::core {

template <class T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string key, std::string field = {},
                                  std::map<std::string, std::string> args = {}) {
  return tl::unexpected<Error>(Error(code, std::move(key), std::move(field), std::move(args)));
}

inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

}  // namespace lien::core
