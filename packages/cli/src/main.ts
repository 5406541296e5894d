process.stdout.write("kera\n");
