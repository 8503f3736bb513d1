#pragma once
// The one source of "now". Everything in core that needs the time takes a Clock, so tests can fix it
// or step it and the desktop app and CLI use the system clock.

#include "util/Instant.h"

#include <atomic>

namespace frontdoor::core {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
    /// True for a clock whose time someone chose (tests, training, demos): such a clock is allowed
    /// only on a training or demo database (store/DatabaseProfile.h).
    virtual bool isChosen() const { return false; }
};

/// Wall-clock time from the operating system.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

/// Always the same instant until set() is called; for tests and reproducible demos.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at) : at_(toEpochMs(at)) {}
    Instant now() const override { return fromEpochMs(at_.load()); }
    bool isChosen() const override { return true; }
    void set(Instant at) { at_.store(toEpochMs(at)); }
    void advance(Milliseconds by) { at_.fetch_add(by.count()); }

private:
    std::atomic<long long> at_;
};

/// Moves on by a fixed step each time it is read; for tests that need distinct, ordered instants.
class SteppedClock final : public Clock {
public:
    SteppedClock(Instant start, Milliseconds step) : next_(toEpochMs(start)), step_(step.count()) {}
    Instant now() const override { return fromEpochMs(next_.fetch_add(step_)); }
    bool isChosen() const override { return true; }

private:
    mutable std::atomic<long long> next_;
    long long step_;
};

} // namespace frontdoor::core
