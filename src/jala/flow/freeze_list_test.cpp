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

// Found in review: an account written as a GB IBAN and one written as BIC + number at the same bank were
// two groups, two stop-payment requests, under two names ("GB bank LOYD" and "LOYDGB2L"). Where the IBAN
// names the bank by its BIC's first four letters, both are one institution.
TEST(Institution, IsOneForAnIbanAndABic8AccountOfOneBank) {
  const Institution lloyds{"GB", "LOYDGB2L"};  // the bank table's BIC8 for LOYD in GB
  EXPECT_EQ(institution_of({model::SelectorType::iban, "GB24LOYD30915612345678"}), lloyds);
  EXPECT_EQ(institution_of({model::SelectorType::bank, "LOYDGB2L:12345678"}), lloyds);
  EXPECT_EQ(institution_of({model::SelectorType::bank, "LOYDGB21:12345678"}), lloyds);  // another office
  // A bank the table does not know: the IBAN's form of its name, for both.
  const Institution midland{"GB", "GB bank MIDL"};
  EXPECT_EQ(institution_of({model::SelectorType::iban, "GB40MIDL40518712345678"}), midland);
  EXPECT_EQ(institution_of({model::SelectorType::bank, "MIDLGB22:40518799999999"}), midland);
  EXPECT_EQ(institution_of({model::SelectorType::iban, "NL91ABNA0417164300"}), (Institution{"NL", "ABNANL2A"}));
  EXPECT_EQ(institution_of({model::SelectorType::bank, "ABNANL2A:417164300"}), (Institution{"NL", "ABNANL2A"}));
  // Not merged: HSBC UK (HBUK) is another bank than HSBC Bank, once Midland (MIDL), though both are HSBC;
  // one code in two countries is two banks; and where the IBAN's code is not the BIC's (Malta: MALT is
  // Bank of Valletta's, VALLMTMT), or is digits (DE), the forms stay apart.
  EXPECT_EQ(institution_of({model::SelectorType::iban, "GB38HBUK40127612345690"}), (Institution{"GB", "HBUKGB4B"}));
  EXPECT_EQ(institution_of({model::SelectorType::bank, "LOYDIE2D:1234"}), (Institution{"IE", "IE bank LOYD"}));
  EXPECT_EQ(institution_of({model::SelectorType::iban, "MT84MALT011000012345MTLCAST001S"}),
            (Institution{"MT", "MT bank MALT"}));
  EXPECT_EQ(institution_of({model::SelectorType::bank, "MALTMTMT:1234"}), (Institution{"MT", "MALTMTMT"}));
  EXPECT_EQ(institution_of({model::SelectorType::iban, "DE89370400440532013000"}),
            (Institution{"DE", "DE bank 37040044"}));
  EXPECT_EQ(institution_of({model::SelectorType::bank, "COBADEFF:532013000"}), (Institution{"DE", "COBADEFF"}));
}

TEST(FreezeList, GroupsAnIbanAndABic8AccountOfOneBankAsOneRequest) {
  LedgerBuilder builder;
  builder.add_account({model::SelectorType::iban, "GB24LOYD30915612345678"});
  builder.add_account({model::SelectorType::bank, "LOYDGB2L:12345678"});
  builder.add_account({model::SelectorType::iban, "GB40MIDL40518712345678"});
  builder.add_account({model::SelectorType::bank, "MIDLGB22:40518799999999"});
  const Ledger ledger = std::move(builder).build();
  std::vector<Suspect> suspects(4);
  for (std::size_t i = 0; i < suspects.size(); ++i) {
    suspects[i].account = static_cast<AccountId>(i);
    suspects[i].score = 0.5;
    suspects[i].held_usd = i < 2 ? 1'000 : 100;
  }
  const std::vector<FreezeGroup> list = freeze_list(ledger, suspects);
  ASSERT_EQ(list.size(), 2);
  EXPECT_EQ(list[0].institution, (Institution{"GB", "LOYDGB2L"}));
  EXPECT_EQ(list[0].accounts.size(), 2);
  EXPECT_EQ(list[1].institution, (Institution{"GB", "GB bank MIDL"}));
  EXPECT_EQ(list[1].accounts.size(), 2);
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
