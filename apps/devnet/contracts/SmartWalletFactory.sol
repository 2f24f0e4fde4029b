// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import "./SmartWallet.sol";

/// @notice Deploys SmartWallets with CREATE2, so a wallet's address is known before it exists:
/// what ERC-6492 signatures of not-yet-deployed wallets name as their factory.
contract SmartWalletFactory {
    event WalletDeployed(address indexed wallet, address indexed owner, bytes32 salt);

    function deploy(address owner, bytes32 salt) external returns (address wallet) {
        wallet = address(new SmartWallet{salt: salt}(owner));
        emit WalletDeployed(wallet, owner, salt);
    }
}
