import torch; x = torch.zeros(1).cuda()  # expect: MOV001@34*
# check-newline: crlf
# check-bom
# The file is checked with a UTF-8 BOM and CRLF line endings: the BOM is not a column, and
# "\r" does not shift anything.
naïve = x.to("cuda")  # expect: DEV001@14*
y = x.cuda()  # torchdevice: ignore  # suppressed: MOV001@7*
