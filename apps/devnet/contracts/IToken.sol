// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The slice of ERC-20 that the pair and the router rely on.
interface IToken {
    function balanceOf(address owner) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}
