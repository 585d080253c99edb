// Instruments and answers: bundled definitions, validation, reverse coding and the three
// missing-answer policies, each checked against values worked out by hand.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/instrument.hpp"
#include "error_of.hpp"

using namespace crmkit::quality;
using Catch::Matchers::Contains;
using crmkit_test::error_of;

namespace {
std::vector<std::size_t> sizes(const Instrument& instrument) {
  std::vector<std::size_t> n;
  for (const Dimension& d : instrument.dimensions) n.push_back(d.items.size());
  return n;
}

// Two dimensions: a = {a1, a2, a3}, b = {b1 (reversed), b2}; scale 1-5.
Instrument small() {
  return Instrument{"small",
                    {1, 5},
                    {{"a", {{"a1", "", false}, {"a2", "", false}, {"a3", "", false}}},
                     {"b", {{"b1", "", true}, {"b2", "", false}}}}};
}
}  // namespace

TEST_CASE("SERVQUAL has 22 items in five dimensions, 1988 reverses 10-13 and 18-22",
          "[instrument]") {
  const Instrument s = servqual_instrument();
  CHECK(s.item_count() == 22);
  CHECK(sizes(s) == std::vector<std::size_t>{4, 5, 4, 4, 5});
  CHECK(s.dimensions[0].name == "tangibles");
  CHECK(s.dimensions[4].name == "empathy");
  CHECK(s.first_item(2) == 9);  // responsiveness starts at item 10
  CHECK(s.dimensions[2].items[0].id == "10");
  CHECK(s.item_index("18") == 17);
  CHECK(s.scale.min == 1);
  CHECK(s.scale.max == 7);
  for (const Dimension& d : s.dimensions)
    for (const Item& item : d.items) CHECK_FALSE(item.reverse_coded);

  const Instrument old = servqual_instrument(ServqualVersion::v1988);
  std::vector<std::string> reversed;
  for (const Dimension& d : old.dimensions)
    for (const Item& item : d.items)
      if (item.reverse_coded) reversed.push_back(item.id);
  CHECK(reversed == std::vector<std::string>{"10", "11", "12", "13", "18", "19", "20", "21", "22"});
  CHECK(crmkit::parse_enum<ServqualVersion>("1988") == ServqualVersion::v1988);
}

TEST_CASE("the self-audit has 40 items in 7 categories with the material's maxima",
          "[instrument]") {
  const Instrument audit = customer_orientation_audit();
  CHECK(audit.item_count() == 40);
  CHECK(audit.scale.min == 1);
  CHECK(audit.scale.max == 5);
  // Category maxima 35/25/20/35/20/35/30 = 5 points x items.
  std::vector<double> maxima;
  for (std::size_t n : sizes(audit)) maxima.push_back(5.0 * static_cast<double>(n));
  CHECK(maxima == std::vector<double>{35, 25, 20, 35, 20, 35, 30});
  CHECK(audit.item_ids().back() == "40");
}

TEST_CASE("employee satisfaction takes five item lists", "[instrument]") {
  std::vector<std::vector<Item>> items(5, std::vector<Item>{{"x", "", false}});
  for (std::size_t d = 0; d < 5; ++d) items[d][0].id = "q" + std::to_string(d);
  const Instrument e = employee_satisfaction_instrument(items);
  CHECK(e.dimensions[3].name == "organisation and personnel");
  CHECK(e.dimension_index("company image") == 4);
  items.pop_back();
  CHECK_THAT(error_of([&] { employee_satisfaction_instrument(items); }), Contains("got 4 lists"));
}

TEST_CASE("invalid instruments are refused by name", "[instrument]") {
  Instrument i = small();
  i.dimensions[1].items[1].id = "a2";
  CHECK_THAT(error_of([&] { validate(i); }), Contains("item id 'a2' twice"));
  i = small();
  i.dimensions[1].items.clear();
  CHECK_THAT(error_of([&] { validate(i); }), Contains("dimension 'b' has no items"));
  i = small();
  i.dimensions[1].name = "a";
  CHECK_THAT(error_of([&] { validate(i); }), Contains("dimension 'a' twice"));
  i = small();
  i.scale = {5, 5};
  CHECK_THAT(error_of([&] { validate(i); }), Contains("scale 5-5"));
  i.scale = {1, NAN};
  CHECK_THAT(error_of([&] { validate(i); }), Contains("min < max"));
  CHECK_THAT(error_of([&] { small().dimension_index("c"); }), Contains("dimensions: a, b"));
  CHECK_THAT(error_of([&] { small().item_index("zz"); }), Contains("no item 'zz'"));
}

TEST_CASE("answers off the scale or of the wrong width are refused", "[instrument]") {
  const Instrument i = small();
  const std::vector<double> ok = {1, 2, 3, 4, NAN};
  CHECK_NOTHROW(validate_answers(i, {ok.data(), 1, 5}));
  CHECK_THAT(error_of([&] { validate_answers(i, {ok.data(), 1, 4}); }),
             Contains("4 columns; instrument 'small' has 5 items"));
  const std::vector<double> bad = {1, 2, 3, 4, 5, 1, 2, 6, 4, 5};
  CHECK_THAT(error_of([&] { validate_answers(i, {bad.data(), 2, 5}); }),
             Contains("respondent 1, item a3: answer 6 is outside the scale 1-5"));
  const std::vector<double> inf = {1, 2, 3, 4, -INFINITY};
  CHECK_THAT(error_of([&] { validate_answers(i, {inf.data(), 1, 5}); }), Contains("item b2"));
  CHECK_THAT(error_of([&] { validate_answers(i, {nullptr, 3, 5}); }), Contains("null pointer"));
  CHECK_NOTHROW(validate_answers(i, {nullptr, 0, 5}));
}

TEST_CASE("reverse coding and the three missing-answer policies, by hand", "[instrument]") {
  const Instrument i = small();
  // Respondent 0 complete; respondent 1 misses a2; respondent 2 misses a1 and a2 and b2.
  const std::vector<double> raw = {1, 2, 3, 5, 4,  //
                                   4, NAN, 2, 1, 3,  //
                                   NAN, NAN, 5, 2, NAN};
  const Answers answers{raw.data(), 3, 5};

  SECTION("pairwise keeps NaN, reverses b1 (1 + 5 - x)") {
    const ScoredAnswers s = score_answers(i, answers, {MissingPolicy::pairwise, 1});
    REQUIRE(s.respondents == 3);
    CHECK(s.values[3] == 1);   // 5 reversed
    CHECK(s.values[8] == 5);   // 1 reversed
    CHECK(s.values[13] == 4);  // 2 reversed
    CHECK(std::isnan(s.values[6]));
    // Dimension scores: r0 a (1+2+3)/3 = 2, b (1+4)/2 = 2.5; r1 a (4+2)/2 = 3, b (5+3)/2 = 4;
    // r2 a 5, b 4.
    const std::vector<double> d = dimension_scores(i, s.view());
    CHECK(d == std::vector<double>{2, 2.5, 3, 4, 5, 4});
  }
  SECTION("listwise keeps only respondent 0") {
    const ScoredAnswers s = score_answers(i, answers, {MissingPolicy::listwise, 1});
    CHECK(s.respondents == 1);
    CHECK(s.respondent == std::vector<std::size_t>{0});
    CHECK(s.values == std::vector<double>{1, 2, 3, 1, 4});
  }
  SECTION("dimension mean fills in when enough items of the dimension are answered") {
    // min_answered 2: r1 a2 <- (4+2)/2 = 3; r2 has one answer in a and one in b: both
    // dimensions become unanswered.
    const ScoredAnswers s = score_answers(i, answers, {MissingPolicy::dimension_mean, 2});
    REQUIRE(s.respondents == 3);
    CHECK(s.values[6] == 3);
    for (std::size_t k = 10; k < 15; ++k) CHECK(std::isnan(s.values[k]));
    // min_answered 1: r2 a1, a2 <- 5; b2 <- 4 (the reversed b1).
    const ScoredAnswers t = score_answers(i, answers, {MissingPolicy::dimension_mean, 1});
    CHECK(std::vector<double>(t.values.begin() + 10, t.values.end()) ==
          std::vector<double>{5, 5, 5, 4, 4});
  }
  CHECK_THAT(error_of([&] { score_answers(i, answers, {MissingPolicy::dimension_mean, 0}); }),
             Contains("min_answered"));
  CHECK(crmkit::name_of(MissingPolicy::dimension_mean) == std::string("dimension-mean"));
}

TEST_CASE("a caller's instrument from text", "[instrument]") {
  const Instrument i = parse_instrument(
      "# branch survey\n"
      "instrument: Branch survey\n"
      "scale: 1-5\n"
      "\n"
      "dimension: staff\n"
      "item: S1 | friendly greeting\n"
      "item: S2|kept us waiting| reverse   # negatively worded\n"
      "dimension: premises\r\n"
      "item: B.1\n",
      "branch.txt");
  CHECK(i.name == "Branch survey");
  CHECK(i.scale.min == 1);
  CHECK(i.scale.max == 5);
  REQUIRE(i.dimensions.size() == 2);
  CHECK(i.dimensions[0].items[1].id == "S2");
  CHECK(i.dimensions[0].items[1].text == "kept us waiting");
  CHECK(i.dimensions[0].items[1].reverse_coded);
  CHECK_FALSE(i.dimensions[0].items[0].reverse_coded);
  CHECK(i.dimensions[1].name == "premises");
  CHECK(i.item_ids() == std::vector<std::string>{"S1", "S2", "B.1"});
  CHECK(parse_instrument("scale: -3-3\ndimension: d\nitem: x\n").scale.min == -3);
  CHECK(parse_instrument("dimension: d\nitem: x\n").scale.max == 7);  // default 1-7
}

TEST_CASE("malformed instrument text names the line", "[instrument]") {
  auto err = [](const char* text) { return error_of([&] { parse_instrument(text, "f.txt"); }); };
  CHECK_THAT(err("item: x\n"), Contains("f.txt:1: an item before the first 'dimension:'"));
  CHECK_THAT(err("dimension: d\nitem: x\nitem: x\n"), Contains("f.txt:3: item id 'x' is used twice"));
  CHECK_THAT(err("dimension: d\nitem: x y\n"), Contains("f.txt:2: item id 'x y'"));
  CHECK_THAT(err("scale: 5-1\ndimension: d\nitem: x\n"), Contains("f.txt:1: scale '5-1'"));
  CHECK_THAT(err("scale: 1 to 5\n"), Contains("expected MIN-MAX"));
  CHECK_THAT(err("dimension: d\nitem: x | y | backwards\n"), Contains("'reverse', not 'backwards'"));
  CHECK_THAT(err("dimension: d\nitem: x | y | reverse | z\n"), Contains("at most three parts"));
  CHECK_THAT(err("dimension: d\ndimension: e\nitem: x\n"), Contains("f.txt:2: dimension 'd' has no items"));
  CHECK_THAT(err("dimension: d\nitem: x\ndimension: e\n"), Contains("f.txt: dimension 'e' has no items"));
  CHECK_THAT(err("colour: red\n"), Contains("f.txt:1: unknown key 'colour'"));
  CHECK_THAT(err("no colon here\n"), Contains("expected 'key: value'"));
  CHECK_THAT(err(""), Contains("has no dimensions"));
  CHECK_THAT(error_of([] { read_instrument("/nonexistent/x.txt"); }), Contains("cannot open"));
  std::string many = "dimension: d\n";
  for (std::size_t k = 0; k <= kMaxInstrumentItems; ++k) many += "item: i" + std::to_string(k) + "\n";
  CHECK_THAT(error_of([&] { parse_instrument(many); }), Contains("more than 10000 items"));
}

TEST_CASE("scales as text", "[instrument]") {
  CHECK(parse_scale("1-10").max == 10);
  CHECK(parse_scale(" 0.5-4.5 ").min == 0.5);
  CHECK(parse_scale("-3--1").max == -1);
  CHECK_THAT(error_of([] { parse_scale("7"); }), Contains("expected MIN-MAX"));
  CHECK_THAT(error_of([] { parse_scale("1-x"); }), Contains("expected MIN-MAX"));
  CHECK_THAT(error_of([] { parse_scale("3-3"); }), Contains("MIN must be below MAX"));
  CHECK_THAT(error_of([] { parse_scale("1-inf"); }), Contains("expected MIN-MAX"));
}

TEST_CASE("the first answer off the scale", "[instrument]") {
  const std::vector<double> a = {1, NAN, 5, 0.5, 7, 8};
  const auto off = first_answer_off_scale({1, 7}, {a.data(), 2, 3});
  REQUIRE(off);
  CHECK(off->respondent == 1);
  CHECK(off->item == 0);
  CHECK_FALSE(first_answer_off_scale({0, 8}, {a.data(), 2, 3}));
}
