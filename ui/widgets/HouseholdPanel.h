#pragma once
// On the person view: the household, that is everyone named with this person on any contact, in any
// family (core's PersonSearch::household): children first, then adults, each with their role there
// ("Child", "Parent's partner"), how many contacts they share and the last. Enter on a row opens that
// person.

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QTableWidget;

namespace frontdoor::ui {

class HouseholdPanel : public QWidget {
    Q_OBJECT
public:
    explicit HouseholdPanel(QWidget* parent = nullptr);

    /// Shows `household` (the "household" array of core's person history).
    void setHousehold(const nlohmann::json& household);
    QTableWidget* table() const { return table_; }
    int memberCount() const;

signals:
    void personActivated(const QString& personId);

private:
    QLabel* heading_;
    QTableWidget* table_;
};

} // namespace frontdoor::ui
