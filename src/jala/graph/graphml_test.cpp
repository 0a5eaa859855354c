#include "jala/graph/graphml.h"

#include <gtest/gtest.h>

namespace jala::graph {
namespace {

std::size_t occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST(GraphMl, ReportsAndSelectorsAreNodesEachNamingAnEdgeAndTextIsEscaped) {
  LinkInput input;
  const SelectorId shared = input.add_selector({model::SelectorType::url, "https://lotus.net/a?x=1&y=<2>"});
  const SelectorId own = input.add_selector({model::SelectorType::phone, "+84912345678"});
  const SelectorId benign = input.add_selector({model::SelectorType::domain, "facebook.com"});
  ReportFacts first;
  first.source = "VN-MPS";
  first.id = "A&B";
  input.add_report(first, std::vector<SelectorId>{shared, own, benign});
  ReportFacts second = first;
  second.id = "C";
  input.add_report(second, std::vector<SelectorId>{shared, benign});
  const Linking linking = link_reports(input, {false, false, true});
  const std::vector<NetworkSummary> ranked = rank_networks(input, linking);
  ASSERT_EQ(ranked.size(), 1U);

  const std::string graphml = network_graphml(input, linking, ranked[0]);
  EXPECT_TRUE(graphml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
  EXPECT_TRUE(graphml.ends_with("</graphml>\n"));
  EXPECT_EQ(occurrences(graphml, "<node id=\"r"), 2U);
  EXPECT_EQ(occurrences(graphml, "<node id=\"s"), 3U);
  EXPECT_EQ(occurrences(graphml, "<edge "), 5U);
  EXPECT_NE(graphml.find("VN-MPS A&amp;B"), std::string::npos);
  EXPECT_NE(graphml.find("url:https://lotus.net/a?x=1&amp;y=&lt;2&gt;"), std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"label\">domain:facebook.com</data><data key=\"role\">benign</data>"),
            std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"role\">link</data>"), std::string::npos);
  for (std::size_t at = graphml.find('&'); at != std::string::npos; at = graphml.find('&', at + 1)) {
    const std::string_view rest = std::string_view(graphml).substr(at);
    EXPECT_TRUE(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
                rest.starts_with("&quot;") || rest.starts_with("&apos;"))
        << "a bare '&' at " << at;
  }
}

}  // namespace
}  // namespace jala::graph
