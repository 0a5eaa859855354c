#include "jala/flow/freeze_list.h"

#include <gtest/gtest.h>

namespace jala::flow {
namespace {

TEST(Institution, NamesTheBankOrChainAndItsCountry) {
  EXPECT_EQ(institution_of({model::SelectorType::bank, "ACLBKHPP:0012345"}), (Institution{"KH", "ACLBKHPP"}));
  EXPECT_EQ(institution_of({model::SelectorType::bank, "somebank:0012345"}), (Institution{"", "somebank"}));
  EXPECT_EQ(institution_of({model::SelectorType::iban, "GB82WEST12345698765432"}), (Institution{"GB", "GB bank WEST"}));
  // Two French banks, whose codes (five digits) differ in their fifth.
  EXPECT_EQ(institution_of({model::SelectorType::iban, "FR7630004000010001234567830"}),
            (Institution{"FR", "FR bank 30004"}));
  EXPECT_EQ(institution_of({model::SelectorType::iban, "FR7630003000010008765432191"}),
            (Institution{"FR", "FR bank 30003"}));
  EXPECT_EQ(institution_of({model::SelectorType::wallet, "trx:TXyz"}), (Institution{"", "chain trx"}));
  // Found in review: an e-wallet named by its number had no country, so --country dropped it and one group
  // mixed every country's. The number's country is its own.
  EXPECT_EQ(institution_of({model::SelectorType::phone, "+85512345678"}), (Institution{"KH", "phone"}));
  EXPECT_EQ(institution_of({model::SelectorType::phone, "+639051234590"}), (Institution{"PH", "phone"}));
  EXPECT_EQ(institution_of({model::SelectorType::whatsapp, "+6281234567890"}), (Institution{"ID", "whatsapp"}));
  EXPECT_EQ(institution_of({model::SelectorType::phone, "+80012345678"}), (Institution{"", "phone"}));  // no country
  EXPECT_EQ(institution_of({model::SelectorType::telegram, "lotus_hr"}), (Institution{"", "telegram"}));
}

TEST(FreezeList, GroupsHeldMoneyByInstitutionMostRecoverableFirst) {
  LedgerBuilder builder;
  builder.add_account({model::SelectorType::bank, "ACLBKHPP:1"});
  builder.add_account({model::SelectorType::bank, "ACLBKHPP:2"});
  builder.add_account({model::SelectorType::wallet, "trx:T1"});
  builder.add_account({model::SelectorType::bank, "BFTVVNVX:3"});
  const Ledger ledger = std::move(builder).build();
  std::vector<Suspect> suspects(4);
  suspects[0].account = 0;
  suspects[0].score = 1.0;
  suspects[0].held_usd = 100;
  suspects[1].account = 1;
  suspects[1].score = 0.5;
  suspects[1].held_usd = 1'000;
  suspects[2].account = 2;
  suspects[2].score = 0.8;
  suspects[2].held_usd = 200;
  suspects[3].account = 3;
  suspects[3].score = 0.9;
  suspects[3].held_usd = 1.1e-13;  // holds nothing but the remainder of its sums: no request

  const std::vector<FreezeGroup> list = freeze_list(ledger, suspects);
  ASSERT_EQ(list.size(), 2);
  EXPECT_EQ(list[0].institution, (Institution{"KH", "ACLBKHPP"}));
  EXPECT_DOUBLE_EQ(list[0].recoverable_usd, 600);
  ASSERT_EQ(list[0].accounts.size(), 2);
  EXPECT_EQ(list[0].accounts[0]->account, 1);  // 500 recoverable before 100
  EXPECT_EQ(list[1].institution.name, "chain trx");

  const std::vector<FreezeGroup> cambodia = freeze_list(ledger, suspects, "KH");
  ASSERT_EQ(cambodia.size(), 1);
  EXPECT_TRUE(freeze_list(ledger, suspects, "VN").empty());
}

}  // namespace
}  // namespace jala::flow
