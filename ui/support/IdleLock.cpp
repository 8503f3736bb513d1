#include "support/IdleLock.h"

#include <QApplication>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdoor::ui {

IdleLock::IdleLock(QMainWindow& window, core::Workspace& workspace, core::Session session)
    : QObject(&window), window_(window), workspace_(workspace), session_(std::move(session)),
      timeout_(core::UserService(workspace).policy().idleLockMinutes), lastInput_(workspace.clock().now()),
      timer_(new QTimer(this)) {
    // The lock screen: a page over the whole window, opaque, holding only the way back in.
    screen_ = new QWidget(&window_);
    screen_->setObjectName(QStringLiteral("lockScreen"));
    screen_->setAutoFillBackground(true);
    auto* title = new QLabel(tr("<h2>Frontdoor is locked</h2>"));
    auto* who = new QLabel(tr("%1's work is hidden and saved. Type your PIN or password to go on, or sign in as "
                              "someone else (%1's forms are closed, with what they typed kept).")
                               .arg(QString::fromStdString(session_.user.displayName).toHtmlEscaped()));
    who->setWordWrap(true);
    user_ = new QLineEdit(QString::fromStdString(session_.user.id));
    user_->setObjectName(QStringLiteral("lockUser"));
    secret_ = new QLineEdit;
    secret_->setObjectName(QStringLiteral("lockSecret"));
    secret_->setEchoMode(QLineEdit::Password);
    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("lockError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();
    unlock_ = new QPushButton(tr("&Unlock"));
    unlock_->setObjectName(QStringLiteral("lockUnlock"));
    auto* form = new QFormLayout;
    form->addRow(tr("&User:"), user_);
    form->addRow(tr("&PIN or password:"), secret_);
    form->addRow(QString(), error_);
    form->addRow(QString(), unlock_);
    auto* box = new QWidget;
    box->setMaximumWidth(520);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(title);
    boxLayout->addWidget(who);
    boxLayout->addLayout(form);
    auto* layout = new QVBoxLayout(screen_);
    layout->addStretch(1);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    screen_->hide();
    connect(unlock_, &QPushButton::clicked, this, &IdleLock::unlock);
    connect(secret_, &QLineEdit::returnPressed, this, &IdleLock::unlock);
    connect(user_, &QLineEdit::returnPressed, secret_, qOverload<>(&QWidget::setFocus));
    connect(secret_, &QLineEdit::textEdited, error_, &QLabel::hide);

    qApp->installEventFilter(this);
    window_.installEventFilter(this);
    connect(timer_, &QTimer::timeout, this, &IdleLock::checkIdle);
    timer_->start(5000);
}

IdleLock::~IdleLock() {
    qApp->removeEventFilter(this);
}

void IdleLock::checkIdle() {
    if (!locked_ && workspace_.clock().now() - lastInput_ >= timeout_)
        lock();
}

void IdleLock::lock() {
    if (locked_)
        return;
    emit aboutToLock();
    locked_ = true;
    hidden_.clear();
    // Dialogs the window opened (a note half typed, a refusal) are hidden too: nothing of a child's
    // record stays on the screen.
    for (QWidget* top : QApplication::topLevelWidgets())
        if (top != &window_ && top->isVisible() && (top->windowType() == Qt::Dialog || top->parentWidget())) {
            hidden_.append(top);
            top->hide();
        }
    for (QWidget* part : {window_.centralWidget(), static_cast<QWidget*>(window_.menuBar()),
                          static_cast<QWidget*>(window_.statusBar())})
        if (part && part->isVisible()) {
            hidden_.append(part);
            part->hide();
        }
    user_->setText(QString::fromStdString(session_.user.id));
    secret_->clear();
    error_->hide();
    place();
    screen_->show();
    screen_->raise();
    secret_->setFocus();
}

void IdleLock::unlock() {
    const std::string user = user_->text().trimmed().toStdString();
    const bool same = user == session_.user.id;
    core::Session signedIn;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        signedIn = core::UserService(workspace_).signIn(user, secret_->text().toStdString(),
                                                        same ? session_.role : std::string());
        QApplication::restoreOverrideCursor();
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        secret_->clear();
        error_->setText(QString::fromUtf8(e.what()));
        error_->show();
        secret_->setFocus();
        return;
    }
    secret_->clear();
    if (!same) {
        // The window stays locked until the app replaces it with the other user's.
        emit otherUserSignedIn(signedIn);
        return;
    }
    locked_ = false;
    screen_->hide();
    for (const auto& widget : hidden_)
        if (widget)
            widget->show();
    hidden_.clear();
    lastInput_ = workspace_.clock().now();
    emit unlocked();
}

void IdleLock::place() {
    screen_->setGeometry(window_.rect());
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::MouseMove:
        if (!locked_)
            lastInput_ = workspace_.clock().now();
        break;
    case QEvent::Shortcut:
        // While locked, no shortcut reaches the hidden window (Ctrl+E, Ctrl+K, a queue): only the lock
        // screen's own mnemonics.
        if (locked_) {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (!widget || !screen_->isAncestorOf(widget))
                return true;
        }
        break;
    case QEvent::Resize:
        if (watched == &window_ && locked_)
            place();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace frontdoor::ui
