# a condition sentence whose code runs something
[when]有一起可疑的事=$a: Assessment()
[when]- 条件暗藏玄机=new java.io.File("MARKER").mkdir()
