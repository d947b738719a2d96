#include "translate/page_edit.hpp"

#include <catch2/catch.hpp>

using namespace carnet::translate;

TEST_CASE("page edit: front matter as the loader reads it, and texts left empty kept",
          "[translate]") {
  // "--- " with a trailing space opens front matter for the loader, so it
  // does for import too: the slug and date stay.
  const std::string page =
      "--- \ntitle: \"Old\"\nsummary: \"The summary\"\nslug: review-2023\ndate: 2023-06-01\n---\n\n"
      "Old body.\n";
  PageTranslation t;
  t.title = "New";
  t.body = "New body.";
  CHECK(
      update_translated_page(page, t) ==
      "---\ntitle: \"New\"\nsummary: \"The summary\"\nslug: review-2023\ndate: 2023-06-01\n---\n\n"
      "New body.\n");

  t.summary = "A new summary";
  CHECK(update_translated_page(page, t).find("summary: \"A new summary\"\n") != std::string::npos);

  // A new translation takes the source's front matter without its slug.
  CHECK(make_translated_page("---\r\ntitle: Bilan\r\nslug: bilan\r\nmenu: true\r\n---\r\nTexte\r\n",
                             t) ==
        "---\ntitle: \"New\"\nsummary: \"A new summary\"\nmenu: true\n---\n\nNew body.\n");
}
