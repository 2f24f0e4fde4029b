// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./IToken.sol";

/// @notice A pool that emits Uniswap V3's exact Swap event and answers token0/token1/fee like a V3
/// pool, while pricing with a plain constant product (no ticks or positions). The reported
/// sqrtPriceX96, liquidity and tick describe its reserves the way a V3 pool describes its state.
contract DexV3Pool {
    address public immutable factory;
    address public immutable token0;
    address public immutable token1;
    uint24 public immutable fee;
    int24 public immutable tickSpacing;

    uint256 private reserve0;
    uint256 private reserve1;
    bool private locked;

    event Swap(
        address indexed sender,
        address indexed recipient,
        int256 amount0,
        int256 amount1,
        uint160 sqrtPriceX96,
        uint128 liquidity,
        int24 tick
    );

    modifier lock() {
        require(!locked, "DexV3Pool: locked");
        locked = true;
        _;
        locked = false;
    }

    constructor(address token0_, address token1_, uint24 fee_, int24 tickSpacing_) {
        factory = msg.sender;
        token0 = token0_;
        token1 = token1_;
        fee = fee_;
        tickSpacing = tickSpacing_;
    }

    function getReserves() external view returns (uint256, uint256) {
        return (reserve0, reserve1);
    }

    /// @notice Adds both tokens at any ratio (the first deposit sets the price); no shares are kept.
    function addLiquidity(uint256 amount0, uint256 amount1) external lock {
        _pull(token0, amount0);
        _pull(token1, amount1);
        reserve0 += amount0;
        reserve1 += amount1;
    }

    /// @notice Sells `amountIn` of token0 (zeroForOne) or token1, paying the output to `recipient`.
    function swap(address recipient, bool zeroForOne, uint256 amountIn, uint256 minAmountOut)
        external
        lock
        returns (int256 amount0, int256 amount1)
    {
        require(amountIn > 0 && amountIn < 2 ** 255, "DexV3Pool: bad amount");
        (uint256 reserveIn, uint256 reserveOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0);
        uint256 inAfterFee = amountIn * (1_000_000 - fee);
        uint256 amountOut = (inAfterFee * reserveOut) / (reserveIn * 1_000_000 + inAfterFee);
        require(amountOut >= minAmountOut && amountOut < reserveOut, "DexV3Pool: output");
        _pull(zeroForOne ? token0 : token1, amountIn);
        require(IToken(zeroForOne ? token1 : token0).transfer(recipient, amountOut), "DexV3Pool: pay");
        if (zeroForOne) {
            (reserve0, reserve1) = (reserve0 + amountIn, reserve1 - amountOut);
            (amount0, amount1) = (int256(amountIn), -int256(amountOut));
        } else {
            (reserve0, reserve1) = (reserve0 - amountOut, reserve1 + amountIn);
            (amount0, amount1) = (-int256(amountOut), int256(amountIn));
        }
        uint160 sqrtPriceX96 = _sqrtPriceX96();
        emit Swap(msg.sender, recipient, amount0, amount1, sqrtPriceX96, uint128(_sqrt(reserve0 * reserve1)), _tick(sqrtPriceX96));
    }

    function _pull(address token, uint256 amount) private {
        require(IToken(token).transferFrom(msg.sender, address(this), amount), "DexV3Pool: pull");
    }

    /// @dev sqrt(reserve1 / reserve0) in Q64.96; 48 fraction bits are enough for a report.
    function _sqrtPriceX96() private view returns (uint160) {
        return uint160(_sqrt((reserve1 << 96) / reserve0) << 48);
    }

    /// @dev log base 1.0001 of the price: 2 * log2(sqrtPriceX96 / 2^96) / log2(1.0001), with
    /// log2 to 14 fraction bits by repeated squaring.
    function _tick(uint160 sqrtPriceX96) private pure returns (int24) {
        uint256 x = sqrtPriceX96;
        uint256 msb = 0;
        while (x >> (msb + 1) > 0) msb++;
        int256 log2 = (int256(msb) - 96) << 14;
        uint256 r = msb >= 127 ? x >> (msb - 127) : x << (127 - msb);
        for (uint256 bit = 1 << 13; bit > 0; bit >>= 1) {
            r = (r * r) >> 127;
            if (r >= 1 << 128) {
                r >>= 1;
                log2 += int256(bit);
            }
        }
        // 1 / log2(1.0001) = 6931.8183...
        return int24((log2 * 2 * 69_318_183) / (10_000 << 14));
    }

    function _sqrt(uint256 y) private pure returns (uint256 z) {
        if (y > 3) {
            z = y;
            uint256 x = y / 2 + 1;
            while (x < z) {
                z = x;
                x = (y / x + x) / 2;
            }
        } else if (y != 0) {
            z = 1;
        }
    }
}
