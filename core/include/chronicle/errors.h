// Error types with named constructors; each message names the input and the fix.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace chronicle {

enum class ExitCode : int { ok = 0, documents_failed = 1, usage = 2 };

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad configuration or lexicon: exit 2.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// One document could not be read: reported, the others go on. what() is "where: message";
// the two parts are kept apart too, for a report that names them separately.
class DocumentError : public Error {
 public:
  DocumentError(std::string where, std::string message)
      : Error(where + ": " + message), where_(std::move(where)), message_(std::move(message)) {}
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  std::string where_, message_;
};

}  // namespace chronicle
