batonSearch.shard("bu",[
["build",["build","CHABKAEGACCABCA","building","EHBFAA","builds","EGA"]]
]);
