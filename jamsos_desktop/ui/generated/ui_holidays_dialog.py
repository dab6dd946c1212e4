# generated from forms/holidays_dialog.ui by compile_forms, do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'holidays_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDateEdit,
    QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_HolidaysDialog(object):
    def setupUi(self, holidaysDialog):
        if not holidaysDialog.objectName():
            holidaysDialog.setObjectName(u"holidaysDialog")
        holidaysDialog.resize(760, 620)
        self.mainLayout = QVBoxLayout(holidaysDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(holidaysDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.yearLayout = QHBoxLayout()
        self.yearLayout.setObjectName(u"yearLayout")
        self.yearLabel = QLabel(holidaysDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(holidaysDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2026)

        self.yearLayout.addWidget(self.yearSpin)

        self.countLabel = QLabel(holidaysDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.yearLayout.addWidget(self.countLabel)

        self.yearSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearLayout.addItem(self.yearSpacer)

        self.fixedButton = QPushButton(holidaysDialog)
        self.fixedButton.setObjectName(u"fixedButton")
        self.fixedButton.setAutoDefault(False)

        self.yearLayout.addWidget(self.fixedButton)

        self.importButton = QPushButton(holidaysDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setAutoDefault(False)

        self.yearLayout.addWidget(self.importButton)


        self.mainLayout.addLayout(self.yearLayout)

        self.holidayTable = QTableWidget(holidaysDialog)
        if (self.holidayTable.columnCount() < 3):
            self.holidayTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.holidayTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.holidayTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.holidayTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.holidayTable.setObjectName(u"holidayTable")
        self.holidayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.holidayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holidayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.holidayTable.setAlternatingRowColors(True)
        self.holidayTable.horizontalHeader().setStretchLastSection(True)
        self.holidayTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.holidayTable)

        self.editGroup = QGroupBox(holidaysDialog)
        self.editGroup.setObjectName(u"editGroup")
        self.editLayout = QHBoxLayout(self.editGroup)
        self.editLayout.setObjectName(u"editLayout")
        self.dateLabel = QLabel(self.editGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.editLayout.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(self.editGroup)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.editLayout.addWidget(self.dateEdit)

        self.nameLabel = QLabel(self.editGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.editLayout.addWidget(self.nameLabel)

        self.holidayNameEdit = QLineEdit(self.editGroup)
        self.holidayNameEdit.setObjectName(u"holidayNameEdit")
        self.holidayNameEdit.setMaxLength(120)

        self.editLayout.addWidget(self.holidayNameEdit)

        self.addButton = QPushButton(self.editGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.editLayout.addWidget(self.addButton)

        self.saveButton = QPushButton(self.editGroup)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.editLayout.addWidget(self.saveButton)

        self.removeButton = QPushButton(self.editGroup)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.editLayout.addWidget(self.removeButton)


        self.mainLayout.addWidget(self.editGroup)

        self.dueGroup = QGroupBox(holidaysDialog)
        self.dueGroup.setObjectName(u"dueGroup")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.dueGroup.sizePolicy().hasHeightForWidth())
        self.dueGroup.setSizePolicy(sizePolicy)
        self.dueLayout = QVBoxLayout(self.dueGroup)
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueTable = QTableWidget(self.dueGroup)
        self.dueTable.setObjectName(u"dueTable")
        self.dueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dueTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.dueTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dueTable.verticalHeader().setVisible(False)

        self.dueLayout.addWidget(self.dueTable)

        self.dueNoteLabel = QLabel(self.dueGroup)
        self.dueNoteLabel.setObjectName(u"dueNoteLabel")
        self.dueNoteLabel.setWordWrap(True)

        self.dueLayout.addWidget(self.dueNoteLabel)


        self.mainLayout.addWidget(self.dueGroup)

        self.messageLabel = QLabel(holidaysDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(holidaysDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.dateLabel.setBuddy(self.dateEdit)
        self.nameLabel.setBuddy(self.holidayNameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.fixedButton)
        QWidget.setTabOrder(self.fixedButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.holidayTable)
        QWidget.setTabOrder(self.holidayTable, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.holidayNameEdit)
        QWidget.setTabOrder(self.holidayNameEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.removeButton)

        self.retranslateUi(holidaysDialog)

        QMetaObject.connectSlotsByName(holidaysDialog)
    # setupUi

    def retranslateUi(self, holidaysDialog):
        holidaysDialog.setWindowTitle(QCoreApplication.translate("HolidaysDialog", u"Hari libur nasional dan cuti bersama", None))
        self.introLabel.setText(QCoreApplication.translate("HolidaysDialog", u"Jatuh tempo iuran tanggal 15; bila tanggal 15 jatuh pada Sabtu, Minggu atau hari libur di daftar ini, jatuh tempo pindah ke hari kerja berikutnya.", None))
        self.yearLabel.setText(QCoreApplication.translate("HolidaysDialog", u"&Tahun", None))
        self.fixedButton.setText(QCoreApplication.translate("HolidaysDialog", u"Tambah libur &tetap", None))
#if QT_CONFIG(tooltip)
        self.fixedButton.setToolTip(QCoreApplication.translate("HolidaysDialog", u"1 Januari, 1 Mei, 1 Juni, 17 Agustus dan 25 Desember tahun ini", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("HolidaysDialog", u"&Impor daftar\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("HolidaysDialog", u"Lembar kerja (.xlsx atau .csv) dengan kolom tanggal dan keterangan, mis. daftar SKB 3 Menteri", None))
#endif // QT_CONFIG(tooltip)
        ___qtablewidgetitem = self.holidayTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HolidaysDialog", u"Tanggal", None))
        ___qtablewidgetitem1 = self.holidayTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HolidaysDialog", u"Hari", None))
        ___qtablewidgetitem2 = self.holidayTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HolidaysDialog", u"Keterangan", None))
        self.editGroup.setTitle(QCoreApplication.translate("HolidaysDialog", u"Tambah atau ubah", None))
        self.dateLabel.setText(QCoreApplication.translate("HolidaysDialog", u"Tangga&l", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("HolidaysDialog", u"dd-MM-yyyy", None))
        self.nameLabel.setText(QCoreApplication.translate("HolidaysDialog", u"&Keterangan", None))
        self.holidayNameEdit.setPlaceholderText(QCoreApplication.translate("HolidaysDialog", u"mis. Idulfitri 1448 H", None))
        self.addButton.setText(QCoreApplication.translate("HolidaysDialog", u"T&ambah", None))
        self.saveButton.setText(QCoreApplication.translate("HolidaysDialog", u"&Simpan perubahan", None))
        self.removeButton.setText(QCoreApplication.translate("HolidaysDialog", u"&Hapus", None))
        self.dueGroup.setTitle(QCoreApplication.translate("HolidaysDialog", u"Jatuh tempo tahun ini", None))
    # retranslateUi

