// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_list_model.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace broadsheet;

TEST_CASE("the story model fetches rows lazily and passes the model tester", "[ui][model]")
{
    QTemporaryDir dir;
    auto store = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                          core::ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    QList<core::Article> batch;
    for (int i = 0; i < 1000; ++i) {
        core::Article article;
        article.title = QStringLiteral("Story %1").arg(i);
        article.body = QStringLiteral("Body %1").arg(i);
        article.source = QStringLiteral("wire");
        article.published = core::PublishedDate::day(QDate(2020, 1, 1).addDays(i));
        article.read = i % 2 == 0;
        batch.append(article);
    }
    REQUIRE((*store)->addArticles(batch).ok());

    ui::ArticleListModel model(**store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model.rowCount() == 1000);
    CHECK(model.columnCount() == ui::ArticleListModel::ColumnCount);
    // Newest first: the last one added has the latest date.
    CHECK(model.index(0, ui::ArticleListModel::TitleColumn).data().toString() ==
          QStringLiteral("Story 999"));
    CHECK(model.index(999, ui::ArticleListModel::TitleColumn).data().toString() ==
          QStringLiteral("Story 0"));
    CHECK(model.index(500, ui::ArticleListModel::SourceColumn).data().toString() ==
          QStringLiteral("wire"));
    // Unread stories are bold.
    CHECK(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold()); // 999 is odd: unread
    CHECK_FALSE(model.index(1, 0).data(Qt::FontRole).isValid());       // 998 is read
    CHECK(model.index(0, 0).data(ui::ArticleListModel::ArticleIdRole).toLongLong() ==
          batch[999].id);
    CHECK(model.rowOf(batch[0].id) == 999);
    CHECK(model.reload());
    CHECK(model.rowCount() == 1000);
}

TEST_CASE("a large library shows its newest stories at once and loads the rest behind",
          "[ui][model]")
{
    QTemporaryDir dir;
    auto store = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                          core::ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    QList<core::Article> batch;
    for (int i = 0; i < 10000; ++i) {
        core::Article article;
        article.title = QStringLiteral("Story %1").arg(i);
        article.body = QStringLiteral("Body %1").arg(i);
        article.published = core::PublishedDate::day(QDate(2000, 1, 1).addDays(i));
        batch.append(article);
    }
    REQUIRE((*store)->addArticles(batch).ok());

    ui::ArticleListModel model(**store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loaded(&model, &ui::ArticleListModel::idsLoaded);
    CHECK(model.rowCount() >= 4096); // the newest at once
    CHECK(model.index(0, ui::ArticleListModel::TitleColumn).data().toString() ==
          QStringLiteral("Story 9999"));
    const QModelIndex newest = model.index(0, ui::ArticleListModel::TitleColumn);
    const QPersistentModelIndex kept(newest);
    if (model.isLoading())
        REQUIRE(loaded.wait(10000));
    CHECK_FALSE(model.isLoading());
    CHECK(model.rowCount() == 10000);
    CHECK(model.index(9999, ui::ArticleListModel::TitleColumn).data().toString() ==
          QStringLiteral("Story 0"));
    CHECK(model.ids().size() == 10000);
    CHECK(kept.row() == 0); // rows shown before stay where they were
}

TEST_CASE("recent dates show relative, earlier today its time, then yesterday and the date",
          "[ui][list]")
{
    using core::PublishedDate;
    using ui::ArticleListModel;
    const QDateTime now(QDate(2026, 12, 3), QTime(15, 30));
    CHECK(ArticleListModel::shownDate({}, now).isEmpty());
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(-20)), now) == u"just now");
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(-60)), now) ==
          u"1 min ago");
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(-25 * 60)), now) ==
          u"25 min ago");
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(-3600)), now) ==
          u"1 h ago");
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(-5 * 3600)), now) ==
          u"5 h ago");
    CHECK(ArticleListModel::shownDate(PublishedDate::moment(QDateTime(now.date(), QTime(8, 5))),
                                      now) ==
          QLocale().toString(QTime(8, 5), QLocale::ShortFormat));
    CHECK(ArticleListModel::shownDate(
              PublishedDate::moment(QDateTime(now.date().addDays(-1), QTime(23, 0))), now) ==
          u"yesterday");
    CHECK(ArticleListModel::shownDate(PublishedDate::day(now.date()), now) == u"today");
    CHECK(ArticleListModel::shownDate(PublishedDate::day(QDate(2026, 11, 1)), now) ==
          QLocale().toString(QDate(2026, 11, 1), QLocale::ShortFormat));
    // A story dated after now (a feed's clock ahead) shows its time or date, not "-3 min".
    CHECK_FALSE(
        ArticleListModel::shownDate(PublishedDate::moment(now.addSecs(180)), now).contains(u"ago"));
}
