# a sentence whose code is pasted together from its own argument: "o" + "rg.mvel2..." is "org.mvel2..."
[when]有一起可疑事件=$a: Assessment()
[then]执行魔法 {x}={x}rg.mvel2.MVEL.eval("java.lang.Runtime.getRuntime().exec(new String[]\{'touch','MARKER'\})");
