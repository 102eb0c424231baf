def move(y):
    return y.cuda()
