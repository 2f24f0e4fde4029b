// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./DexPair.sol";

/// @notice Creates one constant-product pair per token couple, with Uniswap V2's PairCreated event.
contract DexFactory {
    mapping(address => mapping(address => address)) public getPair;
    address[] public allPairs;

    event PairCreated(address indexed token0, address indexed token1, address pair, uint256);

    function allPairsLength() external view returns (uint256) {
        return allPairs.length;
    }

    function createPair(address tokenA, address tokenB) external returns (address pair) {
        require(tokenA != tokenB, "DexFactory: identical tokens");
        (address token0, address token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        require(token0 != address(0), "DexFactory: zero address");
        require(getPair[token0][token1] == address(0), "DexFactory: pair exists");
        // CREATE2 keeps pair addresses independent of the factory's deployment history.
        pair = address(new DexPair{salt: keccak256(abi.encodePacked(token0, token1))}(token0, token1));
        getPair[token0][token1] = pair;
        getPair[token1][token0] = pair;
        allPairs.push(pair);
        emit PairCreated(token0, token1, pair, allPairs.length);
    }
}
