batonSearch.shard("en",[
["engin",["engineering","FCACAACCABCABGACHA"]]
]);
