// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./BaseToken.sol";
import "./IToken.sol";

/// @notice A constant-product pool with a 0.3% fee whose interface and events match Uniswap V2's
/// pair. Callers send tokens in first, then call mint, burn or swap (usually through the router).
contract DexPair is BaseToken {
    uint256 public constant MINIMUM_LIQUIDITY = 1000;
    // The first liquidity is partly locked forever so that the share price can never reach zero.
    address private constant LOCKED_LIQUIDITY_HOLDER = address(0xdEaD);

    address public immutable factory;
    address public immutable token0;
    address public immutable token1;

    uint112 private reserve0;
    uint112 private reserve1;
    uint32 private blockTimestampLast;
    bool private locked;

    event Mint(address indexed sender, uint256 amount0, uint256 amount1);
    event Burn(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);
    event Swap(
        address indexed sender,
        uint256 amount0In,
        uint256 amount1In,
        uint256 amount0Out,
        uint256 amount1Out,
        address indexed to
    );
    event Sync(uint112 reserve0, uint112 reserve1);

    modifier lock() {
        require(!locked, "DexPair: locked");
        locked = true;
        _;
        locked = false;
    }

    constructor(address token0_, address token1_) BaseToken("Dex LP", "DEX-LP", 18) {
        factory = msg.sender;
        token0 = token0_;
        token1 = token1_;
    }

    function getReserves() external view returns (uint112, uint112, uint32) {
        return (reserve0, reserve1, blockTimestampLast);
    }

    /// @notice Mints liquidity for the tokens sent in since the last update.
    function mint(address to) external lock returns (uint256 liquidity) {
        (uint256 balance0, uint256 balance1) = _balances();
        uint256 amount0 = balance0 - reserve0;
        uint256 amount1 = balance1 - reserve1;
        uint256 supply = totalSupply;
        if (supply == 0) {
            liquidity = _sqrt(amount0 * amount1) - MINIMUM_LIQUIDITY;
            _mint(LOCKED_LIQUIDITY_HOLDER, MINIMUM_LIQUIDITY);
        } else {
            liquidity = _min((amount0 * supply) / reserve0, (amount1 * supply) / reserve1);
        }
        require(liquidity > 0, "DexPair: insufficient liquidity minted");
        _mint(to, liquidity);
        _update(balance0, balance1);
        emit Mint(msg.sender, amount0, amount1);
    }

    /// @notice Burns the liquidity tokens sent to the pair and pays out the underlying tokens.
    function burn(address to) external lock returns (uint256 amount0, uint256 amount1) {
        (uint256 balance0, uint256 balance1) = _balances();
        uint256 liquidity = balanceOf[address(this)];
        uint256 supply = totalSupply;
        amount0 = (liquidity * balance0) / supply;
        amount1 = (liquidity * balance1) / supply;
        require(amount0 > 0 && amount1 > 0, "DexPair: insufficient liquidity burned");
        _burn(address(this), liquidity);
        _send(token0, to, amount0);
        _send(token1, to, amount1);
        (balance0, balance1) = _balances();
        _update(balance0, balance1);
        emit Burn(msg.sender, amount0, amount1, to);
    }

    /// @notice Pays out the requested amounts if the input already sent in keeps the invariant.
    /// The bytes argument exists for interface compatibility; flash swaps are not supported.
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external lock {
        require(data.length == 0, "DexPair: flash swaps unsupported");
        require(amount0Out > 0 || amount1Out > 0, "DexPair: insufficient output");
        require(amount0Out < reserve0 && amount1Out < reserve1, "DexPair: insufficient liquidity");
        require(to != token0 && to != token1, "DexPair: invalid recipient");
        if (amount0Out > 0) _send(token0, to, amount0Out);
        if (amount1Out > 0) _send(token1, to, amount1Out);
        (uint256 balance0, uint256 balance1) = _balances();
        uint256 amount0In = _received(balance0, reserve0, amount0Out);
        uint256 amount1In = _received(balance1, reserve1, amount1Out);
        require(amount0In > 0 || amount1In > 0, "DexPair: insufficient input");
        // With the 0.3% fee taken from the input, the product of reserves must not shrink.
        uint256 adjusted0 = balance0 * 1000 - amount0In * 3;
        uint256 adjusted1 = balance1 * 1000 - amount1In * 3;
        require(adjusted0 * adjusted1 >= uint256(reserve0) * reserve1 * 1_000_000, "DexPair: K");
        _update(balance0, balance1);
        emit Swap(msg.sender, amount0In, amount1In, amount0Out, amount1Out, to);
    }

    function _balances() private view returns (uint256, uint256) {
        return (IToken(token0).balanceOf(address(this)), IToken(token1).balanceOf(address(this)));
    }

    function _received(uint256 balance, uint256 reserve, uint256 amountOut) private pure returns (uint256) {
        uint256 remaining = reserve - amountOut;
        return balance > remaining ? balance - remaining : 0;
    }

    function _update(uint256 balance0, uint256 balance1) private {
        require(balance0 <= type(uint112).max && balance1 <= type(uint112).max, "DexPair: overflow");
        reserve0 = uint112(balance0);
        reserve1 = uint112(balance1);
        blockTimestampLast = uint32(block.timestamp);
        emit Sync(reserve0, reserve1);
    }

    function _send(address token, address to, uint256 value) private {
        require(IToken(token).transfer(to, value), "DexPair: transfer failed");
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }

    /// @dev Babylonian method; only used once per pair, on the first mint.
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
