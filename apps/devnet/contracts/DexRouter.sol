// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./DexFactory.sol";
import "./DexPair.sol";
import "./IToken.sol";
import "./WrappedNative.sol";

/// @notice The entry point traders call: it pulls their tokens into the pairs and routes swaps
/// along a path, so a pair's Swap sender is this router while the transaction is the trader's.
contract DexRouter {
    address public immutable factory;
    address payable public immutable weth;

    modifier beforeDeadline(uint256 deadline) {
        require(deadline >= block.timestamp, "DexRouter: expired");
        _;
    }

    constructor(address factory_, address payable weth_) {
        factory = factory_;
        weth = weth_;
    }

    receive() external payable {
        require(msg.sender == weth, "DexRouter: only unwrapping");
    }

    function addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external beforeDeadline(deadline) returns (uint256 amountA, uint256 amountB, uint256 liquidity) {
        address pair = DexFactory(factory).getPair(tokenA, tokenB);
        if (pair == address(0)) pair = DexFactory(factory).createPair(tokenA, tokenB);
        (amountA, amountB) = _liquidityAmounts(pair, tokenA, tokenB, amountADesired, amountBDesired);
        require(amountA >= amountAMin && amountB >= amountBMin, "DexRouter: slippage");
        _pull(tokenA, pair, amountA);
        _pull(tokenB, pair, amountB);
        liquidity = DexPair(pair).mint(to);
    }

    function removeLiquidity(
        address tokenA,
        address tokenB,
        uint256 liquidity,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external beforeDeadline(deadline) returns (uint256 amountA, uint256 amountB) {
        address pair = _pairFor(tokenA, tokenB);
        require(DexPair(pair).transferFrom(msg.sender, pair, liquidity), "DexRouter: transfer failed");
        (uint256 amount0, uint256 amount1) = DexPair(pair).burn(to);
        (amountA, amountB) = tokenA < tokenB ? (amount0, amount1) : (amount1, amount0);
        require(amountA >= amountAMin && amountB >= amountBMin, "DexRouter: slippage");
    }

    function swapExactTokensForTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external beforeDeadline(deadline) returns (uint256[] memory amounts) {
        amounts = _quoteExactIn(amountIn, amountOutMin, path);
        _pull(path[0], _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    function swapExactETHForTokens(uint256 amountOutMin, address[] calldata path, address to, uint256 deadline)
        external
        payable
        beforeDeadline(deadline)
        returns (uint256[] memory amounts)
    {
        require(path[0] == weth, "DexRouter: path must start with WETH");
        amounts = _quoteExactIn(msg.value, amountOutMin, path);
        WrappedNative(weth).deposit{value: msg.value}();
        require(WrappedNative(weth).transfer(_pairFor(path[0], path[1]), msg.value), "DexRouter: transfer failed");
        _swap(amounts, path, to);
    }

    function swapExactTokensForETH(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external beforeDeadline(deadline) returns (uint256[] memory amounts) {
        require(path[path.length - 1] == weth, "DexRouter: path must end with WETH");
        amounts = _quoteExactIn(amountIn, amountOutMin, path);
        _pull(path[0], _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        uint256 amountOut = amounts[amounts.length - 1];
        WrappedNative(weth).withdraw(amountOut);
        (bool sent, ) = to.call{value: amountOut}("");
        require(sent, "DexRouter: native transfer failed");
    }

    function getAmountsOut(uint256 amountIn, address[] calldata path) public view returns (uint256[] memory amounts) {
        require(path.length >= 2, "DexRouter: invalid path");
        amounts = new uint256[](path.length);
        amounts[0] = amountIn;
        for (uint256 i = 0; i + 1 < path.length; i++) {
            (uint256 reserveIn, uint256 reserveOut) = _reserves(_pairFor(path[i], path[i + 1]), path[i], path[i + 1]);
            amounts[i + 1] = getAmountOut(amounts[i], reserveIn, reserveOut);
        }
    }

    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public pure returns (uint256) {
        require(amountIn > 0, "DexRouter: zero input");
        require(reserveIn > 0 && reserveOut > 0, "DexRouter: no liquidity");
        uint256 inWithFee = amountIn * 997;
        return (inWithFee * reserveOut) / (reserveIn * 1000 + inWithFee);
    }

    function _quoteExactIn(uint256 amountIn, uint256 amountOutMin, address[] calldata path)
        private
        view
        returns (uint256[] memory amounts)
    {
        amounts = getAmountsOut(amountIn, path);
        require(amounts[amounts.length - 1] >= amountOutMin, "DexRouter: slippage");
    }

    /// @dev Each hop pays its output straight into the next pair; the last one pays the recipient.
    function _swap(uint256[] memory amounts, address[] calldata path, address recipient) private {
        for (uint256 i = 0; i + 1 < path.length; i++) {
            (address input, address output) = (path[i], path[i + 1]);
            uint256 amountOut = amounts[i + 1];
            (uint256 out0, uint256 out1) = input < output ? (uint256(0), amountOut) : (amountOut, uint256(0));
            address to = i + 2 < path.length ? _pairFor(output, path[i + 2]) : recipient;
            DexPair(_pairFor(input, output)).swap(out0, out1, to, new bytes(0));
        }
    }

    function _liquidityAmounts(address pair, address tokenA, address tokenB, uint256 desiredA, uint256 desiredB)
        private
        view
        returns (uint256, uint256)
    {
        (uint256 reserveA, uint256 reserveB) = _reserves(pair, tokenA, tokenB);
        if (reserveA == 0 && reserveB == 0) return (desiredA, desiredB);
        // Deposit at the current pool ratio, using as much of the desired amounts as it allows.
        uint256 optimalB = (desiredA * reserveB) / reserveA;
        if (optimalB <= desiredB) return (desiredA, optimalB);
        return ((desiredB * reserveA) / reserveB, desiredB);
    }

    function _reserves(address pair, address tokenA, address tokenB) private view returns (uint256, uint256) {
        (uint112 reserve0, uint112 reserve1, ) = DexPair(pair).getReserves();
        return tokenA < tokenB ? (uint256(reserve0), uint256(reserve1)) : (uint256(reserve1), uint256(reserve0));
    }

    function _pairFor(address tokenA, address tokenB) private view returns (address pair) {
        pair = DexFactory(factory).getPair(tokenA, tokenB);
        require(pair != address(0), "DexRouter: no pair");
    }

    function _pull(address token, address to, uint256 value) private {
        require(IToken(token).transferFrom(msg.sender, to, value), "DexRouter: transfer failed");
    }
}
