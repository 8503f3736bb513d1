#pragma once
// Work that may be slow on a large database (counts over a million contacts, matching, search,
// a child's whole history) runs here, on a thread with its own connection to the same database file,
// so the UI thread never waits for SQLite. Each job gets the reader's Workspace; its result comes back
// to the UI thread, to a callback that only runs if its owner still exists.
//
// Jobs run one at a time in order. A job given a lane replaces a job of the same lane still waiting,
// so typing fast queues one search, not one per key.

#include "Workspace.h"
#include "util/Clock.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace frontdoor::ui {

/// A job's result, or the words of the error core gave.
template <class T>
struct Answer {
    std::optional<T> value;
    QString error;
    bool ok() const { return value.has_value(); }
};

class BackgroundReader : public QObject {
    Q_OBJECT
public:
    /// `clock` must outlive the reader. The connection is opened on the reader's thread at the first job.
    BackgroundReader(std::string databasePath, const core::Clock& clock, QString name, QObject* parent = nullptr);
    ~BackgroundReader() override;

    /// Runs `work` on the reader's thread and hands its result to `done` on the UI thread, unless
    /// `owner` has gone by then. Exceptions from `work` arrive as Answer::error. With `supersede`, a
    /// job of the same lane still running is interrupted (SQLite stops its statement): its answer is
    /// no longer wanted, and the new one should not wait for it. Only for jobs that write nothing.
    template <class T>
    void run(QObject* owner, const QString& lane, std::function<T(core::Workspace&)> work,
             std::function<void(Answer<T>)> done, bool supersede = false) {
        QPointer<QObject> guard(owner);
        auto job = [this, guard, lane, work = std::move(work), done = std::move(done)](core::Workspace* ws,
                                                                                      const QString& openError) {
            auto answer = std::make_shared<Answer<T>>();
            if (!ws)
                answer->error = openError;
            else
                answer->error = capture([&] { answer->value.emplace(work(*ws)); });
            deliver([guard, done, answer] {
                if (guard)
                    done(std::move(*answer));
            });
            Q_UNUSED(lane);
        };
        enqueue(lane, std::move(job), supersede);
    }

    /// Jobs waiting (not counting the one running); for tests and the screenshot tour.
    bool idle() const;

private:
    using Job = std::function<void(core::Workspace*, const QString&)>;
    static QString capture(const std::function<void()>& body);
    void enqueue(const QString& lane, Job job, bool supersede);
    void deliver(std::function<void()> callback);
    void loop();

    std::string path_;
    const core::Clock& clock_;
    QString name_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<QString, Job>> queue_;
    bool busy_ = false;
    QString runningLane_;
    sqlite3* connection_ = nullptr; ///< the reader's, once open; only for sqlite3_interrupt
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace frontdoor::ui
