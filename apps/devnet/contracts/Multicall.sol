// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Batches read calls into one eth_call. Same ABI as the widely deployed Multicall3's
/// `aggregate3`, so an indexer can use either; the devnet places it at that contract's address.
contract Multicall {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool success, bytes memory returnData) = calls[i].target.call(calls[i].callData);
            require(success || calls[i].allowFailure, "Multicall: call failed");
            results[i] = Result(success, returnData);
        }
    }
}
