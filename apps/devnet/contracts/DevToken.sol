// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./BaseToken.sol";

/// @notice A plain ERC-20 whose deployer may mint, used for the devnet's USDC, WBTC, LINK, ...
contract DevToken is BaseToken {
    address public immutable owner;

    constructor(string memory name_, string memory symbol_, uint8 decimals_, uint256 initialSupply)
        BaseToken(name_, symbol_, decimals_)
    {
        owner = msg.sender;
        _mint(msg.sender, initialSupply);
    }

    function mint(address to, uint256 value) external {
        require(msg.sender == owner, "DevToken: only owner");
        _mint(to, value);
    }
}
