#pragma once
// The kinds of failure core reports. Each carries words a person can act on; front ends show them
// as they are (the CLI prints them to stderr as JSON, the desktop app beside the field or in a banner).

#include <stdexcept>
#include <string>
#include <vector>

namespace frontdoor::core {

class Error : public std::runtime_error {
public:
    /// `kind` is a stable machine-readable word: validation, not_found, forbidden, conflict, store, schema.
    Error(std::string kind, const std::string& message) : std::runtime_error(message), kind_(std::move(kind)) {}
    const std::string& kind() const { return kind_; }

private:
    std::string kind_;
};

/// One problem with one field of the input, e.g. {"children[0].date_of_birth", "is in the future"}.
struct FieldError {
    std::string field;
    std::string problem;
    bool operator==(const FieldError&) const = default;
};

/// Input refused; nothing was saved. Lists every problem found, not only the first.
class ValidationError : public Error {
public:
    explicit ValidationError(std::vector<FieldError> errors);
    /// One problem with one field.
    ValidationError(const std::string& field, const std::string& problem)
        : ValidationError(std::vector<FieldError>{{field, problem}}) {}
    const std::vector<FieldError>& errors() const { return errors_; }
    bool hasErrorFor(const std::string& field) const;

private:
    std::vector<FieldError> errors_;
};

class NotFoundError : public Error {
public:
    explicit NotFoundError(const std::string& message) : Error("not_found", message) {}
};

/// The acting user lacks the role an operation needs; the message names the role.
class ForbiddenError : public Error {
public:
    explicit ForbiddenError(const std::string& message) : Error("forbidden", message) {}
};

/// The operation contradicts the record's current state (an illegal transition, a duplicate).
class ConflictError : public Error {
public:
    explicit ConflictError(const std::string& message) : Error("conflict", message) {}
};

/// The database could not be read or written.
class StoreError : public Error {
public:
    explicit StoreError(const std::string& message) : Error("store", message) {}
};

/// The database file was written by a newer build, or its schema is not one this build knows.
class SchemaError : public Error {
public:
    explicit SchemaError(const std::string& message) : Error("schema", message) {}
};

} // namespace frontdoor::core
