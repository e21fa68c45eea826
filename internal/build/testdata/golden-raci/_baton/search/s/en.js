batonSearch.shard("en",[
["engin",["engineering","CCACAADCABCABGABCABCABGA"]]
]);
