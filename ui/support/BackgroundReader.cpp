#include "support/BackgroundReader.h"

#include "support/UiTimings.h"
#include "util/Errors.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace frontdoor::ui {

BackgroundReader::BackgroundReader(std::string databasePath, const core::Clock& clock, QString name, QObject* parent)
    : QObject(parent), path_(std::move(databasePath)), clock_(clock), name_(std::move(name)) {
    thread_ = std::thread([this] { loop(); });
}

BackgroundReader::~BackgroundReader() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

bool BackgroundReader::idle() const {
    std::lock_guard lock(mutex_);
    return queue_.empty() && !busy_;
}

QString BackgroundReader::capture(const std::function<void()>& body) {
    try {
        body();
        return {};
    } catch (const core::Error& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

void BackgroundReader::enqueue(const QString& lane, Job job, bool supersede) {
    {
        std::lock_guard lock(mutex_);
        // sqlite3_interrupt is safe from another thread while the connection is open; the reader
        // closes it only after clearing connection_ under this mutex.
        if (supersede && busy_ && runningLane_ == lane && connection_)
            sqlite3_interrupt(connection_);
        if (!lane.isEmpty()) {
            for (auto& waiting : queue_) {
                if (waiting.first == lane) {
                    waiting.second = std::move(job); // the newer question replaces the older, in place
                    return;
                }
            }
        }
        queue_.emplace_back(lane, std::move(job));
    }
    wake_.notify_one();
}

void BackgroundReader::deliver(std::function<void()> callback) {
    // Queued to this object, which lives on the UI thread; if it is destroyed first, Qt drops the call.
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

void BackgroundReader::loop() {
    std::unique_ptr<core::Workspace> workspace;
    QString openError;
    bool opened = false;
    for (;;) {
        std::pair<QString, Job> next;
        {
            std::unique_lock lock(mutex_);
            busy_ = false;
            runningLane_.clear();
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) {
                connection_ = nullptr; // before the workspace (and its connection) goes
                return;
            }
            next = std::move(queue_.front());
            queue_.pop_front();
            busy_ = true;
            runningLane_ = next.first;
        }
        if (!opened) {
            opened = true;
            openError = capture([&] { workspace = core::Workspace::open(path_, clock_); });
            std::lock_guard lock(mutex_);
            connection_ = workspace ? workspace->db().handle() : nullptr;
        }
        QElapsedTimer timer;
        timer.start();
        next.second(workspace.get(), openError);
        recordUiTiming(name_ + QStringLiteral(": ") + (next.first.isEmpty() ? QStringLiteral("job") : next.first),
                       static_cast<double>(timer.nsecsElapsed()) / 1e6, false);
    }
}

} // namespace frontdoor::ui
