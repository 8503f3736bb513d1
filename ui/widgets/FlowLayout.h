#pragma once
// A layout that places its widgets left to right and wraps onto a new line when the width runs out
// (as Qt's flow layout example): a row of action buttons that fits a narrow detail pane without
// forcing it wider.

#include <QLayout>
#include <QList>

namespace frontdoor::ui {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;
    QSize sizeHint() const override;

private:
    int arrange(const QRect& rect, bool testOnly) const;

    QList<QLayoutItem*> items_;
    int spacing_;
};

} // namespace frontdoor::ui
