// The money view of a network (docs/flow.md): what its accounts received from outside, what they paid
// out, what moved among them, and where it left: the outside accounts paid most, and whether each one
// pays on or keeps the money (a cash-out).
//
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

#include "jala/flow/ledger.h"

namespace jala::flow {

struct Exit {
  AccountId account = 0;
  double usd = 0;
  std::size_t transfers = 0;
  bool pays_on = false;  // the account makes payments of its own after the network's money first came
};

struct NetworkMoney {
  double in_usd = 0;        // from accounts outside the network
  double out_usd = 0;       // to accounts outside the network
  double internal_usd = 0;  // between the network's own accounts
  std::size_t in_transfers = 0;
  std::size_t out_transfers = 0;
  std::vector<Exit> exits;  // most money first
};

// `accounts` are the network's accounts (distinct); at most `max_exits` exits are listed.
NetworkMoney network_money(const Ledger& ledger, std::span<const AccountId> accounts, std::size_t max_exits = 10);

}  // namespace jala::flow
