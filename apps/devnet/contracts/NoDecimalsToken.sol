// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./MiniLedger.sol";

/// @notice A token whose decimals() reverts and whose name is not valid UTF-8.
contract NoDecimalsToken is MiniLedger {
    string public constant symbol = "NODEC";

    constructor(uint256 initialSupply) MiniLedger(initialSupply) {}

    function name() external pure returns (string memory) {
        bytes memory notUtf8 = hex"fffe4e4f";
        return string(notUtf8);
    }

    function decimals() external pure returns (uint8) {
        revert("NoDecimalsToken: no decimals");
    }
}
