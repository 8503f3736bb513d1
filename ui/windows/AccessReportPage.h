#pragma once
// The auditor's page (Audit ▸ Access report): who read a child's record (core/audit childAccessReport:
// when, who, in which role, from which desk, the person or which contact, in their work or not), and
// whose reading in a period stands out from the team's (readingReport). Auditors and administrators only;
// running either is itself recorded by core.

#include "Workspace.h"
#include "store/Fact.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace frontdoor::ui {

class AccessReportPage : public QWidget {
    Q_OBJECT
public:
    AccessReportPage(core::Workspace& workspace, core::Actor actor, QWidget* parent = nullptr);

    /// Shows who read this person's record (and each contact about them).
    void showChild(const QString& personId);
    /// Runs the reading report for the dates chosen (both whole days, UK dates read as UTC days).
    void runReadingReport();

private:
    core::Workspace& workspace_;
    core::Actor actor_;
    QLineEdit* person_;
    QLabel* childTitle_;
    QTableWidget* access_;
    QDateEdit* from_;
    QDateEdit* to_;
    QLabel* readingTitle_;
    QTableWidget* readers_;
};

} // namespace frontdoor::ui
