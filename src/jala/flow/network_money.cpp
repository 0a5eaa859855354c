#include "jala/flow/network_money.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace jala::flow {

NetworkMoney network_money(const Ledger& ledger, std::span<const AccountId> accounts, std::size_t max_exits) {
  const std::unordered_set<AccountId> members(accounts.begin(), accounts.end());
  NetworkMoney money;
  std::map<AccountId, Exit> exits;
  std::map<AccountId, TransferId> first_arrival;  // each exit's first payment from the network
  for (const AccountId account : accounts) {
    for (const TransferId t : ledger.incoming(account)) {
      const Transfer& transfer = ledger.transfer(t);
      if (members.contains(transfer.from)) continue;  // counted once, as the sender's payment
      money.in_usd += transfer.usd;
      ++money.in_transfers;
    }
    for (const TransferId t : ledger.outgoing(account)) {
      const Transfer& transfer = ledger.transfer(t);
      if (members.contains(transfer.to)) {
        money.internal_usd += transfer.usd;
        continue;
      }
      money.out_usd += transfer.usd;
      ++money.out_transfers;
      Exit& exit = exits[transfer.to];
      exit.account = transfer.to;
      exit.usd += transfer.usd;
      ++exit.transfers;
      const auto [first, added] = first_arrival.try_emplace(transfer.to, t);
      if (!added) first->second = std::min(first->second, t);
    }
  }
  for (auto& [account, exit] : exits) {
    // Transfer ids follow time: a payment the exit made before the network's money came is not paying it on.
    const std::span<const TransferId> out = ledger.outgoing(account);
    exit.pays_on = std::upper_bound(out.begin(), out.end(), first_arrival.at(account)) != out.end();
    money.exits.push_back(exit);
  }
  // Equal amounts in the order of the accounts' names, which do not depend on how the ledger was read.
  std::sort(money.exits.begin(), money.exits.end(), [&](const Exit& a, const Exit& b) {
    return a.usd != b.usd ? a.usd > b.usd : ledger.account(a.account) < ledger.account(b.account);
  });
  if (money.exits.size() > max_exits) money.exits.resize(max_exits);
  return money;
}

}  // namespace jala::flow
