batonSearch.shard("ma",[
["make",["make","CHA","making","DHBIAA"]],
["manag",["manager","CCABAAEGABGABCABCABGABCA"]]
]);
