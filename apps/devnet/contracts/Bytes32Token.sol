// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./MiniLedger.sol";

/// @notice Answers symbol() and name() with bytes32, as early tokens (MKR, SAI) do.
contract Bytes32Token is MiniLedger {
    bytes32 public constant symbol = "B32";
    bytes32 public constant name = "Bytes32 Token";
    uint8 public constant decimals = 9;

    constructor(uint256 initialSupply) MiniLedger(initialSupply) {}
}
