#include "jala/base/result.h"

namespace jala {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::already_exists: return "already_exists";
    case ErrorCode::failed_precondition: return "failed_precondition";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::data_loss: return "data_loss";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace jala
