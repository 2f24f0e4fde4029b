// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A minimal smart-contract wallet for tests of contract-wallet sign-in: one owner EOA,
/// whose ECDSA signature of a hash the wallet accepts as its own (ERC-1271). It signs the hash
/// as given, with no domain of its own, which real wallets add against replays across wallets.
contract SmartWallet {
    bytes4 internal constant MAGIC_VALUE = 0x1626ba7e;
    bytes4 internal constant INVALID = 0xffffffff;
    // Half the secp256k1 order: a larger s is the malleable twin of a valid signature.
    uint256 internal constant HALF_ORDER =
        0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    address public immutable owner;

    constructor(address owner_) {
        require(owner_ != address(0), "SmartWallet: zero owner");
        owner = owner_;
    }

    /// @notice ERC-1271: the magic value when `signature` (65 bytes: r, s, v) is the owner's
    /// signature of `hash`; any other signature answers INVALID rather than reverting.
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return INVALID;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (v < 27) v += 27;
        if (uint256(s) > HALF_ORDER || (v != 27 && v != 28)) return INVALID;
        address signer = ecrecover(hash, v, r, s);
        return signer != address(0) && signer == owner ? MAGIC_VALUE : INVALID;
    }
}
