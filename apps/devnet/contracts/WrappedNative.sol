// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./BaseToken.sol";

/// @notice Wraps the native coin 1:1. Wrapping and unwrapping also emit Transfer from/to the zero
/// address so that balance tracking needs nothing but Transfer logs.
contract WrappedNative is BaseToken {
    event Deposit(address indexed owner, uint256 value);
    event Withdrawal(address indexed owner, uint256 value);

    constructor() BaseToken("Wrapped Ether", "WETH", 18) {}

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        _mint(msg.sender, msg.value);
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 value) external {
        _burn(msg.sender, value);
        emit Withdrawal(msg.sender, value);
        (bool sent, ) = msg.sender.call{value: value}("");
        require(sent, "WrappedNative: send failed");
    }
}
